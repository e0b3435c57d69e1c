import type { Accountability } from '../../../domain/accountability/accountability';
import type { Violation } from '../../../domain/violations/violation';
import type { ViolationStore } from '../../violations/violation.ports';
import type { AccountabilityStore } from '../accountability.ports';

/**
 * Brings the violations of an accountability record to the state the record gives them (PROPOSED while it is
 * proposed, DECIDED once decided or dismissed) and clears its pending mark. Idempotent: run after every write,
 * and at start for records a crash left pending. A violation already claimed by another record is left alone.
 */
export function syncAccountabilityViolationsUseCase(deps: {
  violations: ViolationStore;
  accountabilities: AccountabilityStore;
}) {
  const syncOne = async (a: Accountability): Promise<Violation[]> => {
    const target = a.state === 'proposed' ? 'proposed' : 'decided';
    const changed: Violation[] = [];
    for (const id of a.violationIds) {
      const v = await deps.violations.get(id);
      if (!v || (v.accountabilityId && v.accountabilityId !== a.id)) continue;
      if (v.state === 'dismissed' || v.state === target || (v.state === 'decided' && target === 'proposed')) continue;
      changed.push(await deps.violations.save({ ...v, state: target, accountabilityId: a.id }, v.version));
    }
    await deps.accountabilities.markViolationsSynced(a.id);
    return changed;
  };
  return {
    syncOne,
    /** Every record left pending; answers how many were synced. */
    async syncPending(): Promise<number> {
      let synced = 0;
      for (let batch = await deps.accountabilities.pendingViolationSync(100); batch.length;) {
        for (const a of batch) await syncOne(a);
        synced += batch.length;
        batch = await deps.accountabilities.pendingViolationSync(100);
      }
      return synced;
    },
  };
}
