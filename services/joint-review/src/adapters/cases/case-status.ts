import { chinaToday } from '@govhall/calendar';
import { applicationsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type { CaseStatus } from '../../domain/projects/project';

const S = applicationsV1.CaseStatus;

/** applications.v1.CaseStatus ⇄ the spelling projects keep (CASE_STATUS_PRE_REVIEW ⇄ pre_review; '' for none). */
export const caseStatus = enumCodec<CaseStatus, applicationsV1.CaseStatus>(enumSpelling(S, 'CASE_STATUS_'));

/** 办结 or after. */
export function isCompletedStatus(status: applicationsV1.CaseStatus): boolean {
  return [S.CASE_STATUS_COMPLETED, S.CASE_STATUS_DELIVERED, S.CASE_STATUS_ARCHIVED].includes(status);
}

/** The day in China a case was completed, from its history (the first move to COMPLETED); '' while it is not. */
export function completedDateOf(c: applicationsV1.Case): string {
  if (!isCompletedStatus(c.status)) return '';
  const entry = c.history.find((h) => h.toStatus === S.CASE_STATUS_COMPLETED && h.at);
  return entry?.at ? chinaToday(entry.at) : '';
}
