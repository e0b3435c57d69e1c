import type { Violation } from '@govhall/errors';
import { textViolations } from '@govhall/identifiers';
import { ACCEPTED_FILE_TYPES, MAX_FILE_BYTES } from '../files';

/** A photo or letter filed with a complaint, described (its bytes are kept beside it). */
export interface ComplaintAttachment {
  id: string;
  fileName: string;
  /** image/jpeg, image/png or application/pdf, as the content shows it. */
  contentType: string;
  size: number;
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
  uploadedAt: Date;
}

/** An uploaded file, kept until a filing binds it: whose it is and which complaint used it. */
export interface StoredAttachment extends ComplaintAttachment {
  tenant: string;
  /** The uploader's Keycloak subject: only they may file it. */
  uploader: string;
  /** The complaint it was filed with; '' while unused. */
  usedBy: string;
}

const MAX_NAME = 120;

/**
 * What is wrong with an upload: a file name of 1-120 characters and content of 1 byte to 10 MiB whose leading bytes
 * show PDF, JPEG or PNG (`sniffed`: the type they show, undefined for none known). The same limits as a slip's scan.
 */
export function uploadViolations(fileName: string, content: Buffer, sniffed: string | undefined): Violation[] {
  const v: Violation[] = [];
  const name = (fileName ?? '').trim();
  if (!name) v.push({ path: 'fileName', reason: 'REQUIRED', message: '请提供文件名' });
  else v.push(...(textViolations('fileName', name, { label: '文件名', max: MAX_NAME }) as Violation[]));
  if (content.length === 0) v.push({ path: 'content', reason: 'REQUIRED', message: '附件内容为空' });
  else if (content.length > MAX_FILE_BYTES) {
    v.push({ path: 'content', reason: 'TOO_LARGE', message: '单个附件不能超过10MB' });
  } else if (!sniffed || !ACCEPTED_FILE_TYPES.includes(sniffed)) {
    v.push({ path: 'content', reason: 'TYPE', message: '附件应为 JPEG、PNG 图片或 PDF 文件' });
  }
  return v;
}

/** The refusal of the filing's `i`th attachment id: unknown, someone else's or used (nothing said which). */
export const unknownAttachment = (i: number): Violation => ({
  path: `attachmentIds[${i}]`,
  reason: 'NOT_FOUND',
  message: '找不到该附件，或已随其他投诉提交',
});

/**
 * The attachments a filing names, checked against those found: each uploaded by `uploader` in `tenant` and not
 * filed with another complaint. Any other id is refused at its place (`attachmentIds[i]` NOT_FOUND), nothing said of
 * whose it is. Answers the violations and the descriptions in the filing's order.
 */
export function attachmentUse(
  ids: readonly string[],
  found: readonly StoredAttachment[],
  by: { tenant: string; uploader: string },
): { violations: Violation[]; attachments: ComplaintAttachment[] } {
  const violations: Violation[] = [];
  const attachments: ComplaintAttachment[] = [];
  ids.forEach((id, i) => {
    const a = found.find((x) => x.id === id);
    if (!a || !by.uploader || a.uploader !== by.uploader || a.tenant !== by.tenant || a.usedBy !== '') {
      violations.push(unknownAttachment(i));
      return;
    }
    const { tenant: _t, uploader: _u, usedBy: _b, ...described } = a;
    attachments.push(described);
  });
  return { violations, attachments };
}
