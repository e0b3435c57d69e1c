import type { Principal } from '@govhall/auth';
import { ConcurrencyError, NotFoundError } from '@govhall/errors';
import { resolveMismatch, type Mismatch } from '../../domain/reconciliation/mismatch';
import type { Clock } from '../ports';
import { requireReconciler } from '../reconciliation/reconciliation.access';
import type { MismatchRepository } from '../reconciliation/reconciliation.ports';

/** The finance reconciler records how a mismatch was settled (MismatchResolved). */
export function resolveMismatchUseCase(deps: { mismatches: MismatchRepository; clock: Clock }) {
  return async (
    request: { id: string; note: string; expectedVersion: number },
    actor: Principal,
  ): Promise<Mismatch> => {
    const found = request.id ? await deps.mismatches.findById(request.id) : null;
    if (!found || found.tenant !== actor.tenant) {
      // Another tenant's mismatch is not shown to exist; a member of staff without the role is told so.
      requireReconciler(actor, actor.tenant);
      throw new NotFoundError('MISMATCH_NOT_FOUND', '找不到该对账差异');
    }
    requireReconciler(actor, found.tenant);
    if (request.expectedVersion && request.expectedVersion !== found.version) throw new ConcurrencyError();
    const next = resolveMismatch(found, request.note, actor.username, deps.clock.now());
    return deps.mismatches.saveResolved(next, found.version, actor);
  };
}
