import type { Case, StaffRole } from '../api/types';

/**
 * The acts the workbench offers on a case: by its state, its active step and the member of staff's roles. Only what
 * to show; the cases service decides (window post, department, step role) and its refusal is shown as it says.
 */
export type ActKey =
  | 'notice' // 一次性告知
  | 'passPreReview' // 预审通过
  | 'sendToAcceptance' // 报送受理
  | 'accept' // 受理
  | 'refuse' // 不予受理
  | 'void' // 作废
  | 'correct' // 当场更正
  | 'decideOnTheSpot' // 当场办结（即办件）
  | 'completeStep' // 办结环节（审查…）
  | 'decide' // 作出决定
  | 'suspend' // 中止计时（特别程序）
  | 'resume' // 恢复计时
  | 'requestExtension' // 申请延期
  | 'reviewExtension' // 审核延期
  | 'issueResult' // 出具结果（制证）
  | 'deliver' // 送达
  | 'archive'; // 归档

type StepKind = 'review' | 'decision' | 'certificate' | 'delivery';

/** How a step is finished, from its name and role, as the cases service reads it (domain/handling.ts). */
export function stepKind(step: { name: string; role: string }): StepKind {
  if (step.name.includes('送达')) return 'delivery';
  if (/决定|审批|批准/.test(step.name) || step.role === 'approver') return 'decision';
  if (/制证|发证/.test(step.name)) return 'certificate';
  return 'review';
}

const AT_WINDOW: readonly Case['status'][] = ['pre_review', 'pre_review_passed', 'awaiting_paper'];

export function availableActs(
  c: Pick<Case, 'status' | 'steps' | 'extension' | 'handlingCategory'>,
  roles: readonly string[],
): ActKey[] {
  const has = (role: StaffRole) => roles.includes(role);
  const clerk = has('window_clerk');
  const acts: ActKey[] = [];
  if (clerk && AT_WINDOW.includes(c.status)) {
    if (c.handlingCategory === 'immediate' && c.status !== 'awaiting_paper') acts.push('decideOnTheSpot');
    if (c.status === 'pre_review') acts.push('passPreReview');
    if (c.status === 'pre_review_passed') acts.push('sendToAcceptance');
    acts.push('accept', 'notice', 'correct', 'refuse');
    if (c.status !== 'awaiting_paper') acts.push('void');
  }
  const step = c.steps.find((s) => s.state === 'active');
  const onStep = step !== undefined && roles.includes(step.role);
  if (c.status === 'processing' && step && onStep) {
    const kind = stepKind(step);
    if (kind === 'review') acts.push('completeStep');
    if (kind === 'decision' && has('approver')) acts.push('decide');
    acts.push('suspend');
    if (!c.extension) acts.push('requestExtension');
  }
  if (c.status === 'suspended' && onStep) acts.push('resume');
  const pending = c.extension && (c.extension.state === 'requested' || c.extension.state === 'head_approved');
  if (pending && (c.status === 'processing' || c.status === 'suspended')) {
    if ((c.extension!.state === 'requested' && has('department_head')) || has('center_admin')) {
      acts.push('reviewExtension');
    }
  }
  if (c.status === 'approved' && (onStep || clerk)) acts.push('issueResult');
  if (c.status === 'completed' && (onStep || clerk)) acts.push('deliver');
  if (clerk && ['delivered', 'not_accepted', 'withdrawn', 'voided'].includes(c.status)) acts.push('archive');
  return acts;
}
