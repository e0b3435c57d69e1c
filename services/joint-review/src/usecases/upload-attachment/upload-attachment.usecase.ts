import { createHash } from 'node:crypto';
import { hasAnyRole, type Principal } from '@govhall/auth';
import { sniffFileType } from '@govhall/content';
import { ForbiddenError } from '@govhall/errors';
import { checkUpload, type StoredAttachment } from '../../domain/attachments/upload';
import type { Attachment } from '../../domain/tasks/task';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { hostsTenant } from '../escalations/escalation.ports';
import { DEPARTMENT_STAFF, workerName } from '../reviews/review.access';
import type { Clock, IdGenerator } from '../ports';

/**
 * Stores one file for a later opinion, decision, return or minutes (PDF, OFD, JPEG or PNG sniffed from the content,
 * at most 20 MiB): any staff of a hosted tenant, or a department's system. Only its uploader may use it, once.
 */
export function uploadAttachmentUseCase(deps: {
  attachments: AttachmentStore;
  clock: Clock;
  ids: IdGenerator;
  hosted: ReadonlySet<string>;
}) {
  return async (request: { fileName: string; content: Buffer }, actor: Principal): Promise<Attachment> => {
    const staff = actor.kind === 'user' && hasAnyRole(actor, [...DEPARTMENT_STAFF, 'center_admin']);
    const system = actor.kind === 'service' && hasAnyRole(actor, ['service']) && !!actor.department;
    if (!staff && !system) throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员或部门系统可以上传附件');
    if (!hostsTenant(deps.hosted, actor.tenant)) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '本部署不承载该地区');
    }
    const contentType = checkUpload(request.fileName, request.content, sniffFileType(request.content)?.contentType);
    const attachment: StoredAttachment = {
      id: deps.ids.newId(),
      fileName: request.fileName.trim(),
      contentType,
      size: request.content.length,
      sha256: createHash('sha256').update(request.content).digest('hex'),
      uploadedBy: workerName(actor),
      uploadedAt: deps.clock.now(),
      tenant: actor.tenant,
      usedBy: '',
    };
    await deps.attachments.save(attachment, request.content);
    const { tenant: _t, usedBy: _u, ...shown } = attachment;
    return shown;
  };
}
