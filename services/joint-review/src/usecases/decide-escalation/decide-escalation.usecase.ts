import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { decideEscalation, type DecideInput } from '../../domain/escalations/receiver';
import { requireDecider, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { attachmentsFor } from '../attachments/use-attachments';

export interface DecideRequest extends Pick<DecideInput, 'outcome' | 'reasons' | 'remedies' | 'documentNumber'> {
  id: string;
  expectedVersion: number;
  attachmentIds: string[];
}

/** The parent's department decides (approver or department head): → DECIDED, and the decision flows down. */
export function decideEscalationUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'sequencer' | 'clock'> & { attachments: AttachmentStore },
) {
  return async (request: DecideRequest, actor: Principal): Promise<Escalation> => {
    const found = request.id ? await deps.escalations.findById(request.id) : null;
    const stored = await deps.sequencer.next(found?.tenant ?? '', (sequence) =>
      writeEscalation(
        deps.escalations,
        request.id,
        request.expectedVersion,
        actor,
        (e) => requireDecider(actor, e),
        async (e) => {
          const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, e.tenant, e.id);
          return decideEscalation(e, {
            ...request,
            attachments,
            handlerName: '',
            source: 'workbench',
            sequence,
            by: actor.username,
            at: deps.clock.now(),
          });
        },
      ),
    );
    await deps.attachments.markUsed(request.attachmentIds, stored.id);
    return stored;
  };
}
