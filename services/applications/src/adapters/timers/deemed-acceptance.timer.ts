import type { Logger } from '@govhall/logging';

/**
 * The durable timer of law §32: every `intervalMs` it runs the deemed-acceptance sweep, which reads the overdue
 * cases from the store (nothing is held in memory, so a restart loses nothing). Runs never overlap.
 */
export class DeemedAcceptanceTimer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly sweep: (scope: 'recent' | 'all') => Promise<string[]>,
    private readonly options: { intervalMs: number; logger: Logger; afterWrite: () => void },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
    // The first run after a start reads every waiting case once (overdue longer than a regular run looks back).
    void this.runOnce('all');
  }

  async runOnce(scope: 'recent' | 'all' = 'recent'): Promise<void> {
    if (this.running) return this.running;
    this.running = this.sweep(scope)
      .then((accepted) => {
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
