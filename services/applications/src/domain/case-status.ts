import { PreconditionError } from '@govhall/errors';
import type { Case, CaseStatus } from './case';

/** How a clerk or applicant reads each status (Simplified Chinese). */
export const STATUS_NAMES: Record<CaseStatus, string> = {
  draft: '草稿',
  returned: '退回件（待修改后重新提交）',
  pre_review: '待预审',
  supplement: '补办件（待补正）',
  pre_review_passed: '预审通过（待报送受理）',
  awaiting_paper: '待递交纸质材料',
  processing: '办理中',
  suspended: '特别程序中（已中止计时）',
  joint_review: '联合审批中',
  escalated: '已上报上级中心',
  approved: '已准予（待出证）',
  completed: '已办结（待送达）',
  delivered: '已送达',
  archived: '已归档',
  not_accepted: '不予受理',
  voided: '已作废',
  withdrawn: '已撤回',
};

/** Before the decision the applicant may withdraw (domain.md). */
export const WITHDRAWABLE: readonly CaseStatus[] = [
  'returned',
  'pre_review',
  'supplement',
  'pre_review_passed',
  'awaiting_paper',
  'processing',
  'suspended',
  'joint_review',
  'escalated',
];

/** Accepted and not yet completed: the applicant's "in progress" list (A26). */
export const IN_PROGRESS: readonly CaseStatus[] = ['processing', 'suspended', 'joint_review', 'escalated', 'approved'];

/**
 * Refuses an act the case's status does not allow: FAILED_PRECONDITION WRONG_STATE naming the current status
 * (metadata currentStatus), so the caller can refresh and show where the case stands.
 */
export function ensureStatus(c: Pick<Case, 'status'>, allowed: readonly CaseStatus[], act: string): void {
  if (allowed.includes(c.status)) return;
  throw new PreconditionError('WRONG_STATE', `办件当前状态为“${STATUS_NAMES[c.status]}”，不能${act}`, {
    currentStatus: c.status,
  });
}
