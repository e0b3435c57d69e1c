import { ValidationError, type Violation } from '@govhall/errors';
import type { Attachment } from '../tasks/task';

/** The file types an attachment may be (sniffed from its content): PDF, OFD, JPEG, PNG. */
export const ATTACHMENT_TYPES = ['application/pdf', 'application/ofd', 'image/jpeg', 'image/png'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_NAME = 200;
/** At most this many attachments on one opinion, decision, return or minutes. */
export const MAX_ATTACHMENTS = 20;

/** An uploaded file, kept until an act uses it (then bound to that act's aggregate). */
export interface StoredAttachment extends Attachment {
  tenant: string;
  /** The aggregate (review, escalation, meeting …) whose act used it; '' while unused. */
  usedBy: string;
}

/**
 * Checks an upload: a name of 1-200 characters and content of an accepted type (`sniffed`: the type its leading
 * bytes show, undefined for none known), at most 20 MiB. Answers the type.
 */
export function checkUpload(fileName: string, content: Buffer, sniffed: string | undefined): string {
  const v: Violation[] = [];
  if (fileName.trim() === '') v.push({ path: 'fileName', message: '请提供文件名', reason: 'REQUIRED' });
  else if (fileName.length > MAX_NAME) {
    v.push({ path: 'fileName', message: `文件名最多${MAX_NAME}个字符`, reason: 'TOO_LONG' });
  }
  if (content.length === 0) v.push({ path: 'content', message: '文件内容为空', reason: 'REQUIRED' });
  else if (content.length > MAX_ATTACHMENT_BYTES) {
    v.push({ path: 'content', message: '单个附件不能超过20 MiB', reason: 'TOO_LARGE' });
  }
  const type = sniffed && (ATTACHMENT_TYPES as readonly string[]).includes(sniffed) ? sniffed : '';
  if (content.length > 0 && !type) {
    v.push({ path: 'content', message: '附件只能是PDF、OFD、JPEG或PNG文件', reason: 'FILE_TYPE' });
  }
  if (v.length > 0) throw new ValidationError(v);
  return type;
}

/**
 * The attachments an act names, checked: each uploaded by the same person (or system) in the tenant and not used by
 * another act. Every id that is not is refused at its place (ATTACHMENT_UNKNOWN), nothing else said of it.
 */
export function checkAttachmentUse(
  ids: readonly string[],
  found: readonly StoredAttachment[],
  by: { tenant: string; worker: string; aggregateId: string },
  path = 'attachmentIds',
): Attachment[] {
  const v: Violation[] = [];
  if (ids.length > MAX_ATTACHMENTS) {
    v.push({ path, message: `附件最多${MAX_ATTACHMENTS}个`, reason: 'TOO_MANY' });
  }
  const usable = ids.map((id, i) => {
    const a = found.find((x) => x.id === id);
    const ok =
      a && a.tenant === by.tenant && a.uploadedBy === by.worker && (a.usedBy === '' || a.usedBy === by.aggregateId);
    if (!ok || ids.indexOf(id) !== i) {
      v.push({ path: `${path}.${i}`, message: '附件不存在或已被使用，请重新上传', reason: 'ATTACHMENT_UNKNOWN' });
    }
    return a;
  });
  if (v.length > 0) throw new ValidationError(v);
  return usable.map((a) => {
    const { tenant: _t, usedBy: _u, ...attachment } = a!;
    return attachment;
  });
}
