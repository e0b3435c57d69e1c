import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { reportStatus, type StatusInput } from '../../domain/escalations/receiver';
import { requireActor, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';
import { legCalendar } from '../reviews/leg-calendar';

export interface StatusRequest extends Pick<StatusInput, 'kind' | 'text' | 'procedure' | 'plannedWorkingDays'> {
  id: string;
  expectedVersion: number;
}

/** The parent's progress note, or the start or end of a §45 procedure (its handling leg pauses / resumes). */
export function reportEscalationStatusUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'sequencer' | 'clock' | 'calendars'>,
) {
  return async (request: StatusRequest, actor: Principal): Promise<Escalation> => {
    const found = request.id ? await deps.escalations.findById(request.id) : null;
    return deps.sequencer.next(found?.tenant ?? '', (sequence) =>
      writeEscalation(
        deps.escalations,
        request.id,
        request.expectedVersion,
        actor,
        (e) => requireActor(actor, e, 'receiver'),
        async (e) =>
          reportStatus(
            e,
            { ...request, sequence, by: actor.username, at: deps.clock.now() },
            legCalendar(await deps.calendars.forTenant(e.tenant)),
          ),
      ),
    );
  };
}
