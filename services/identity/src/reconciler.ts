import type { IdentityComposition } from './compose';

export interface ReconcilerOptions {
  intervalMs: number;
  olderThanMs: number;
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  afterWrite(): void;
}

/**
 * Runs the sagas' reconcilers (ADR 0007) once at start and then every `intervalMs`, one pass at a time.
 * `stop()` waits for a running pass to finish.
 */
export function startReconciler(reconcilers: IdentityComposition['reconcilers'], options: ReconcilerOptions) {
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = async () => {
    try {
      const staff = await reconcilers.staff(options.olderThanMs);
      const registrations = await reconcilers.registrations(options.olderThanMs);
      const serviceAccounts = await reconcilers.serviceAccounts(options.olderThanMs);
      const changed =
        staff.activated + staff.removed + registrations.activated + registrations.removed + serviceAccounts;
      if (changed > 0) {
        options.logger.info({ staff, registrations, serviceAccounts }, 'reconciler pass changed records');
        options.afterWrite();
      }
    } catch (err) {
      options.logger.warn({ err }, 'reconciler pass failed; next pass retries');
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = pass().finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
