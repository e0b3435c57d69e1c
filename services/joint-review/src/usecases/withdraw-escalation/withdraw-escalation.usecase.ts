import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { withdrawReceiver } from '../../domain/escalations/receiver';
import { requireTransferOn } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

/** The case ended at the lower center: the receiver record is WITHDRAWN, its leg and task cancelled. Idempotent. */
export function withdrawEscalationUseCase(deps: Pick<EscalationDeps, 'escalations' | 'clock'>) {
  return async (request: { escalationId: string; reason: string }, actor: Principal): Promise<Escalation> => {
    const e = requireTransferOn(
      actor,
      request.escalationId ? await deps.escalations.findById(request.escalationId) : null,
    );
    const change = withdrawReceiver(e, request.reason, deps.clock.now());
    if (change.events.length === 0) return e;
    return deps.escalations.save(change.escalation, e.version, change.events, actor);
  };
}
