import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { NotFoundError, ValidationError } from '@govhall/errors';
import type { Escalation } from '../../domain/escalations/escalation';
import { fileArrived, MAX_FILE_BYTES } from '../../domain/escalations/receiver';
import { requireTransferOn } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';
import { completeRound } from '../escalations/handling-start';

export interface PutFileRequest {
  escalationId: string;
  fileId: string;
  content: Buffer;
}

/**
 * One listed file's bytes, checked against the listing's SHA-256 and kept; the round's last file completes it (the
 * handling starts or resumes). The same bytes again change nothing.
 */
export function putEscalationFileUseCase(deps: EscalationDeps) {
  return async (request: PutFileRequest, actor: Principal): Promise<Escalation> => {
    const e = requireTransferOn(
      actor,
      request.escalationId ? await deps.escalations.findById(request.escalationId) : null,
    );
    const file =
      e.files.find((f) => f.id === request.fileId && f.round === e.round) ??
      e.files.find((f) => f.id === request.fileId);
    if (!file) throw new NotFoundError('FILE_NOT_FOUND', '上报件中没有该文件');
    if (file.transferred) return e;
    if (request.content.length > MAX_FILE_BYTES) {
      throw new ValidationError([{ path: 'content', message: '单个文件不能超过20 MiB', reason: 'TOO_LARGE' }]);
    }
    const sha256 = createHash('sha256').update(request.content).digest('hex');
    if (sha256 !== file.sha256 || request.content.length !== file.size) {
      throw new ValidationError([
        { path: 'content', message: '文件内容与清单中的校验值不符', reason: 'CHECKSUM_MISMATCH' },
      ]);
    }
    await deps.files.put(e.id, file.id, request.content);
    const at = deps.clock.now();
    const arrived = fileArrived(e, file.id, at);
    return deps.sequencer.next(e.tenant, async (sequence) => {
      const complete = await completeRound(deps, arrived, sequence, at);
      return deps.escalations.save(complete.escalation, e.version, complete.events, actor);
    });
  };
}
