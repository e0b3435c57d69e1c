import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { sniffFileType } from '@govhall/content';
import { ForbiddenError, ValidationError, type Violation } from '@govhall/errors';
import { uploadViolations, type ComplaintAttachment } from '../../../domain/complaints/attachment';
import type { Clock, IdGenerator } from '../../ports';
import type { ComplaintAttachments } from '../ports';

const TENANT = /^\d{6}$/;

/**
 * Stores a photo or letter for a complaint the caller is about to file in `tenant` (C8): any signed-in person (a
 * citizen online, staff for a visit, call, letter or box slip). JPEG, PNG or PDF by the content, at most 10 MiB (the
 * limits of a slip's scan). Only its uploader may file it, in that tenant, once.
 */
export function uploadAttachmentUseCase(deps: {
  attachments: ComplaintAttachments;
  clock: Clock;
  ids: IdGenerator;
  /** The tenants this deployment hosts (GOVHALL_TENANTS); empty: any. */
  hostedTenants: readonly string[];
}) {
  return async (
    request: { tenant: string; fileName: string; content: Buffer },
    actor: Principal,
  ): Promise<ComplaintAttachment> => {
    if (actor.kind !== 'user' || !actor.subject) {
      throw new ForbiddenError('ROLE_REQUIRED', '请先登录再上传投诉附件');
    }
    const v: Violation[] = [];
    if (!TENANT.test(request.tenant ?? '')) v.push({ path: 'tenant', reason: 'PATTERN', message: '请选择投诉的地区' });
    else if (deps.hostedTenants.length > 0 && !deps.hostedTenants.includes(request.tenant)) {
      v.push({ path: 'tenant', reason: 'NOT_FOUND', message: '本平台没有该地区的政务服务中心' });
    }
    const sniffed = sniffFileType(request.content)?.contentType;
    v.push(...uploadViolations(request.fileName, request.content, sniffed));
    if (v.length > 0) throw new ValidationError(v);
    const attachment = {
      id: deps.ids.newId(),
      fileName: request.fileName.trim(),
      contentType: sniffed!,
      size: request.content.length,
      sha256: createHash('sha256').update(request.content).digest('hex'),
      uploadedAt: deps.clock.now(),
    };
    await deps.attachments.save(
      { ...attachment, tenant: request.tenant, uploader: actor.subject, usedBy: '' },
      request.content,
    );
    return attachment;
  };
}
