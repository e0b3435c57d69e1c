import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { recordFollowUp } from '../../domain/escalations/sender';
import { requireActor, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

/** J4: the lower center records a contact with the parent on its follow-up. */
export function recordFollowUpUseCase(deps: Pick<EscalationDeps, 'escalations' | 'clock'>) {
  return async (
    request: { id: string; expectedVersion: number; text: string; contact: string },
    actor: Principal,
  ): Promise<Escalation> =>
    writeEscalation(
      deps.escalations,
      request.id,
      request.expectedVersion,
      actor,
      (e) => requireActor(actor, e, 'sender'),
      (e) => recordFollowUp(e, { text: request.text, contact: request.contact, by: actor.username }, deps.clock.now()),
    );
}
