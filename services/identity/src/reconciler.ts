import { metrics } from '@opentelemetry/api';
import type { IdentityComposition } from './compose';

const meter = metrics.getMeter('@govhall/identity');
/** Records the reconciler finished (activated) or compensated (removed), by kind: a non-zero rate means crashes or outages. */
const reconciled = meter.createCounter('identity.reconciler.records', {
  description: 'Records left provisioning that the saga reconciler activated or removed',
});
const passFailures = meter.createCounter('identity.reconciler.pass_failures', {
  description: 'Reconciler passes that failed (Keycloak or the database unreachable)',
});

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
      reconciled.add(staff.activated, { kind: 'staff', outcome: 'activated' });
      reconciled.add(staff.removed, { kind: 'staff', outcome: 'removed' });
      reconciled.add(registrations.activated, { kind: 'natural_person', outcome: 'activated' });
      reconciled.add(registrations.removed, { kind: 'natural_person', outcome: 'removed' });
      reconciled.add(serviceAccounts, { kind: 'service_account', outcome: 'activated' });
      const changed =
        staff.activated + staff.removed + registrations.activated + registrations.removed + serviceAccounts;
      if (changed > 0) {
        options.logger.info({ staff, registrations, serviceAccounts }, 'reconciler pass changed records');
        options.afterWrite();
      }
    } catch (err) {
      passFailures.add(1);
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
