import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { Escalation } from '../../domain/escalations/escalation';
import { returnEscalation } from '../../domain/escalations/receiver';
import { requireActor, writeEscalation } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

export interface ReturnRequest {
  id: string;
  expectedVersion: number;
  reasons: string[];
  attachmentIds: string[];
}

/** 退回补充 by the parent's department (or its center): the handling leg waits, the lower center learns it. */
export function returnEscalationUseCase(deps: Pick<EscalationDeps, 'escalations' | 'sequencer' | 'clock'>) {
  return async (request: ReturnRequest, actor: Principal): Promise<Escalation> => {
    const found = request.id ? await deps.escalations.findById(request.id) : null;
    const tenant = found?.tenant ?? '';
    return deps.sequencer.next(tenant, (sequence) =>
      writeEscalation(
        deps.escalations,
        request.id,
        request.expectedVersion,
        actor,
        (e) => requireActor(actor, e, 'receiver'),
        (e) => {
          if (request.attachmentIds.length > 0) throw unknownAttachment();
          return returnEscalation(e, { reasons: request.reasons, sequence, by: actor.username, at: deps.clock.now() });
        },
      ),
    );
  };
}

/** Uploaded attachments are not kept by this service yet: any id names nothing it holds. */
export function unknownAttachment(): ValidationError {
  return new ValidationError([
    { path: 'attachmentIds', message: '附件不存在或已被使用', reason: 'ATTACHMENT_UNKNOWN' },
  ]);
}
