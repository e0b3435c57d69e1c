type Deliver = (value: unknown) => void;
interface Topic {
  look: () => Promise<unknown>;
  watchers: Set<Deliver>;
}

/**
 * What this process's watchers are watching, looked up in the store every `pollMs` and at once on `nudge` (a write
 * in this process): one look per topic, its result handed to each of the topic's watchers, which send what changed
 * for them. Reading the store rather than passing changes between processes keeps every replica right: a change
 * made through another reaches the watchers here within `pollMs`.
 */
export class PollingHub {
  private readonly topics = new Map<string, Topic>();
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: { pollMs: number; onError: (err: unknown) => void }) {}

  /** Watches `key` (looked up by `look`); `deliver` gets each look's result, at once the first. Returns the unwatch. */
  watch<V>(key: string, look: () => Promise<V>, deliver: (value: V) => void): () => void {
    let topic = this.topics.get(key);
    if (!topic) this.topics.set(key, (topic = { look, watchers: new Set() }));
    const d = deliver as Deliver;
    topic.watchers.add(d);
    this.timer ??= setInterval(() => this.nudge(), this.deps.pollMs).unref();
    this.nudge();
    return () => {
      topic.watchers.delete(d);
      if (topic.watchers.size === 0) this.topics.delete(key);
      if (this.topics.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Looks again now (after one look in progress ends). */
  nudge(): void {
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = this.lookAll()
      .catch(this.deps.onError)
      .finally(() => {
        this.looking = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Resolves once the look in progress, if any, is over (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.looking) await this.looking;
  }

  get watching(): number {
    let n = 0;
    for (const t of this.topics.values()) n += t.watchers.size;
    return n;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.topics.clear();
  }

  private async lookAll(): Promise<void> {
    for (const topic of [...this.topics.values()]) {
      const value = await topic.look();
      for (const deliver of [...topic.watchers]) deliver(value);
    }
  }
}
