import type { Logger } from '@govhall/logging';

/**
 * Runs the refresh of every open clock every `intervalMs` (CLOCK_REFRESH_INTERVAL_MS), never two at once, so
 * signals are raised and cleared as days pass with no event. `trigger()` runs one now (after start-up). The KPI
 * projection's recount of marked days runs on one too (`what` names the work in the logs).
 */
export class ClockRefreshTimer {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly refresh: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly logger: Pick<Logger, 'error' | 'debug'>,
    private readonly what = 'open clocks refreshed',
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.trigger(), this.intervalMs);
    this.timer.unref();
    void this.trigger();
  }

  trigger(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.refresh()
      .then((n) => this.logger.debug({ count: n }, this.what))
      .catch((err: unknown) => this.logger.error({ err }, `${this.what}: failed`))
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
