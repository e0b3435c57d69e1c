import type { Principal } from '@govhall/auth';
import type { Escalation } from '../../domain/escalations/escalation';
import { returnEscalation } from '../../domain/escalations/receiver';
import { requireActor, writeEscalation } from '../escalations/escalation.access';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { attachmentsFor } from '../attachments/use-attachments';
import type { EscalationDeps } from '../escalations/escalation.ports';

export interface ReturnRequest {
  id: string;
  expectedVersion: number;
  reasons: string[];
  attachmentIds: string[];
}

/** 退回补充 by the parent's department (or its center): the handling leg waits, the lower center learns it. */
export function returnEscalationUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'sequencer' | 'clock'> & { attachments: AttachmentStore },
) {
  return async (request: ReturnRequest, actor: Principal): Promise<Escalation> => {
    const found = request.id ? await deps.escalations.findById(request.id) : null;
    const tenant = found?.tenant ?? '';
    const stored = await deps.sequencer.next(tenant, (sequence) =>
      writeEscalation(
        deps.escalations,
        request.id,
        request.expectedVersion,
        actor,
        (e) => requireActor(actor, e, 'receiver'),
        async (e) => {
          const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, e.tenant, e.id);
          return returnEscalation(e, {
            reasons: request.reasons,
            attachments,
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
