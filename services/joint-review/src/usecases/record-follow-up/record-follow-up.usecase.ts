import type { Principal } from '@govhall/auth';
import { retryOnConflict } from '@govhall/errors';
import type { Escalation } from '../../domain/escalations/escalation';
import { recordFollowUp } from '../../domain/escalations/sender';
import { escalationNotFound, requireActor } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

/**
 * J4: the lower center records a contact with the parent on its follow-up. A follow-up is a note appended: it
 * commutes with whatever else changed the record since the clerk read it (the parent's status mirrored, a transfer
 * retried), so it is recorded on the current version rather than refused for a stale `expectedVersion`.
 */
export function recordFollowUpUseCase(deps: Pick<EscalationDeps, 'escalations' | 'clock'>) {
  return async (
    request: { id: string; expectedVersion: number; text: string; contact: string },
    actor: Principal,
  ): Promise<Escalation> =>
    retryOnConflict(async () => {
      const e = request.id ? await deps.escalations.findById(request.id) : null;
      if (!e) throw escalationNotFound();
      requireActor(actor, e, 'sender');
      const change = recordFollowUp(
        e,
        { text: request.text, contact: request.contact, by: actor.username },
        deps.clock.now(),
      );
      return deps.escalations.save(change.escalation, e.version, change.events, actor);
    });
}
