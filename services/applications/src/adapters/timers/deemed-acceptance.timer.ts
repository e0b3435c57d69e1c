import type { Logger } from '@govhall/logging';

/**
 * The durable timer of law §32: every `intervalMs` it runs the deemed-acceptance sweep, which reads the overdue
 * cases from the store (nothing is held in memory, so a restart loses nothing). Runs never overlap.
 */
export class DeemedAcceptanceTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** The scope of the next run: every waiting case after a start, until a run of that scope leaves none behind. */
  private next: 'recent' | 'all' = 'all';

  constructor(
    private readonly sweep: (scope: 'recent' | 'all') => Promise<string[]>,
    /** `batch`: the most cases one run accepts (the sweep's limit); a full `all` batch means more may be waiting. */
    private readonly options: { intervalMs: number; batch: number; logger: Logger; afterWrite: () => void },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
    // The first runs after a start read every waiting case (overdue longer than a regular run looks back).
    void this.runOnce();
  }

  async runOnce(): Promise<void> {
    if (this.running) return this.running;
    const scope = this.next;
    this.running = this.sweep(scope)
      .then((accepted) => {
        if (scope === 'all' && accepted.length < this.options.batch) this.next = 'recent';
        if (accepted.length > 0) {
          this.options.logger.info({ count: accepted.length }, 'cases deemed accepted (law §32)');
          this.options.afterWrite();
        }
      })
      .catch((err: unknown) => this.options.logger.warn({ err }, 'deemed-acceptance sweep failed; next run retries'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
