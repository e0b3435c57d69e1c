import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { decideEscalation, type DecideInput } from '../../domain/escalations/receiver';
import { requireDecider, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';
import { unknownAttachment } from '../return-escalation/return-escalation.usecase';

export interface DecideRequest extends Pick<DecideInput, 'outcome' | 'reasons' | 'remedies' | 'documentNumber'> {
  id: string;
  expectedVersion: number;
  attachmentIds: string[];
}

/** The parent's department decides (approver or department head): → DECIDED, and the decision flows down. */
export function decideEscalationUseCase(deps: Pick<EscalationDeps, 'escalations' | 'sequencer' | 'clock'>) {
  return async (request: DecideRequest, actor: Principal): Promise<Escalation> => {
    const found = request.id ? await deps.escalations.findById(request.id) : null;
    return deps.sequencer.next(found?.tenant ?? '', (sequence) =>
      writeEscalation(
        deps.escalations,
        request.id,
        request.expectedVersion,
        actor,
        (e) => requireDecider(actor, e),
        (e) => {
          if (request.attachmentIds.length > 0) throw unknownAttachment();
          return decideEscalation(e, {
            ...request,
            handlerName: '',
            source: 'workbench',
            sequence,
            by: actor.username,
            at: deps.clock.now(),
          });
        },
      ),
    );
  };
}
