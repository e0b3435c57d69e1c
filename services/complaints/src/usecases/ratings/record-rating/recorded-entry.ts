import { sniffFileType } from '@govhall/content';
import type { Violation } from '@govhall/errors';
import { ACCEPTED_FILE_TYPES, MAX_FILE_BYTES } from '../../../domain/files';
import type { RatingChannel } from '../../../domain/ratings/rating';

/** Channels staff enter ratings from (C4): a telephone follow-up (电话回访) and a suggestion-box slip (意见箱). */
export type RecordedChannel = Extract<RatingChannel, 'phone_followup' | 'suggestion_box'>;

/** A scan as kept: its type as its content shows it, and its size. */
export interface RatingScan {
  contentType: string;
  size: number;
}

/**
 * What is wrong with a staff entry's channel and scan: a suggestion-box slip comes with its scan (PDF, JPEG or PNG,
 * at most 10 MiB, the type read from the content); a telephone follow-up has none.
 */
export function recordedEntryViolations(channel: RatingChannel | '', scan: Buffer): Violation[] {
  if (channel !== 'phone_followup' && channel !== 'suggestion_box') {
    return [{ path: 'channel', reason: 'INVALID', message: '工作人员录入的评价渠道应为电话回访或意见箱' }];
  }
  if (channel === 'phone_followup') {
    return scan.length > 0 ? [{ path: 'scan', reason: 'NOT_ALLOWED', message: '电话回访不需要上传扫描件' }] : [];
  }
  if (scan.length === 0) return [{ path: 'scan', reason: 'REQUIRED', message: '请上传意见卡的扫描件' }];
  if (scan.length > MAX_FILE_BYTES) return [{ path: 'scan', reason: 'TOO_LARGE', message: '扫描件不能超过10MB' }];
  const type = sniffFileType(scan);
  if (!type || !ACCEPTED_FILE_TYPES.includes(type.contentType)) {
    return [{ path: 'scan', reason: 'TYPE', message: '扫描件应为 PDF、JPEG 或 PNG 文件' }];
  }
  return [];
}

/** The scan's description (call after recordedEntryViolations found nothing). */
export function scanOf(scan: Buffer): RatingScan | undefined {
  if (scan.length === 0) return undefined;
  return { contentType: sniffFileType(scan)?.contentType ?? 'application/octet-stream', size: scan.length };
}
