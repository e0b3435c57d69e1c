import type { LifecycleLogger } from './logger';

/**
 * Work a service does in the background from what its store holds (nothing in memory, so a restart loses nothing):
 * a pass every `intervalMs`, and soon after a `nudge` (a write that left some). Passes never overlap; a nudge during
 * a pass runs one more after it, as does a pass that did something (`pass` answers how much).
 */
export class BackgroundWork {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<number>,
    private readonly options: { intervalMs: number; logger: LifecycleLogger; afterWrite?: () => void },
  ) {}

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.options.intervalMs);
    this.timer.unref();
    this.nudge();
  }

  nudge(): void {
    void this.run();
  }

  /** Runs passes until one does nothing; resolves when done (tests await it). */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        if (this.stopped) return;
        const done = await this.pass();
        if (done > 0) {
          this.options.afterWrite?.();
          this.again = true;
        }
      } while (this.again);
    })()
      .catch((err: unknown) => this.options.logger.error({ err }, `${this.name} failed; the next pass retries`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
