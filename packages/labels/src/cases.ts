/** The cases service's codes (govhall.applications.v1, REST spellings). */

export type CaseStatusCode =
  | 'draft'
  | 'returned'
  | 'pre_review'
  | 'supplement'
  | 'pre_review_passed'
  | 'awaiting_paper'
  | 'processing'
  | 'suspended'
  | 'joint_review'
  | 'escalated'
  | 'approved'
  | 'completed'
  | 'delivered'
  | 'archived'
  | 'not_accepted'
  | 'voided'
  | 'withdrawn'
  | 'awaiting_payment';

/** What a citizen or clerk reads for each case state (the proto's comments, shared/design/domain.md). */
export const CASE_STATUS_NAMES: Readonly<Record<CaseStatusCode, string>> = {
  draft: '草稿',
  returned: '已退回（退回件）',
  pre_review: '待预审',
  supplement: '待补正（补办件）',
  pre_review_passed: '预审通过、待受理',
  awaiting_paper: '待递交纸质材料',
  processing: '办理中',
  suspended: '特别程序中（暂停计时）',
  joint_review: '联合审查中（联办件）',
  escalated: '已上报',
  approved: '准予许可、待制证',
  completed: '已办结',
  delivered: '已送达',
  archived: '已归档',
  not_accepted: '不予受理',
  voided: '已作废',
  withdrawn: '已撤回',
  awaiting_payment: '待缴费（暂停计时）',
};

/** The state of a case's payment notice (收缴分离), as the applicant and staff read it. */
export type PaymentStateCode = 'due' | 'paid' | 'waived' | 'cancelled';
export const PAYMENT_STATE_NAMES: Readonly<Record<PaymentStateCode, string>> = {
  due: '待缴费',
  paid: '已缴费',
  waived: '免缴',
  cancelled: '缴款通知已撤销',
};

/** The kinds of case staff filter their queues by (A27). */
export type QueueKindCode = 'immediate' | 'promised' | 'supplement' | 'returned' | 'escalated' | 'joint';
export const QUEUE_KIND_NAMES: Readonly<Record<QueueKindCode, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  supplement: '补办件',
  returned: '退回件',
  escalated: '上报件',
  joint: '联办件',
};

/** The applicant's lists (A26). */
export type MyCaseListCode = 'submitted' | 'in_progress' | 'completed';
export const MY_CASE_LIST_NAMES: Readonly<Record<MyCaseListCode, string>> = {
  submitted: '已提交',
  in_progress: '在办',
  completed: '办结',
};
