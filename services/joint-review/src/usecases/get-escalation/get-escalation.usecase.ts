import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { escalationNotFound, maySeeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

/** One record, by id or by the lower tenant's case (its sender record), to the owning side's callers. */
export function getEscalationUseCase(deps: Pick<EscalationDeps, 'escalations'>) {
  return async (request: { id: string; caseId: string }, actor: Principal): Promise<Escalation> => {
    const e = request.id
      ? await deps.escalations.findById(request.id)
      : request.caseId
        ? await deps.escalations.findSenderByCase(actor.tenant, request.caseId)
        : null;
    if (!e || !maySeeEscalation(actor, e)) throw escalationNotFound();
    return e;
  };
}
