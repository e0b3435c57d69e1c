import type { Principal } from '@govhall/auth';
import type { Escalation, EscalationState } from '../../domain/escalations/escalation';
import type { EscalationDeps } from '../escalations/escalation.ports';
import { listScope, type ListEscalationsRequest } from '../list-received-escalations/list-received-escalations.usecase';
import type { Page } from '../ports';

const OPEN_SENT: EscalationState[] = ['awaiting_forward', 'transferring', 'in_handling', 'returned', 'decided'];

/** J4: the lower center's follow-up list, the parent's status mirrored, earliest promised due date first. */
export function listFollowUpsUseCase(deps: Pick<EscalationDeps, 'escalations'>) {
  return async (request: ListEscalationsRequest, actor: Principal): Promise<Page<Escalation>> => {
    const scope = listScope(actor, request);
    return deps.escalations.list(
      {
        ...scope,
        side: 'sender',
        states: request.states.length > 0 ? request.states : OPEN_SENT,
        caseNumber: request.caseNumber || undefined,
      },
      request.page,
    );
  };
}
