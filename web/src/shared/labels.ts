import type { CaseStatus, HandlingCategory, MyCaseList, OnlineDepth, QueueKind, StaffRole } from '../api/types';

/**
 * The Chinese names people read for the API's codes. Each map is typed by the generated client, so a value the
 * gateway adds (a new case state) fails the web build until it has a name here.
 */
export const CASE_STATUS: Record<CaseStatus, string> = {
  draft: '草稿',
  returned: '已退回',
  pre_review: '待预审',
  supplement: '待补正',
  pre_review_passed: '预审通过、待受理',
  awaiting_paper: '待递交纸质材料',
  processing: '办理中',
  suspended: '特别程序中（暂停计时）',
  joint_review: '联合审查中',
  escalated: '已上报',
  approved: '准予许可、待制证',
  completed: '已办结',
  delivered: '已送达',
  archived: '已归档',
  not_accepted: '不予受理',
  voided: '已作废',
  withdrawn: '已撤回',
};

/** Tag colour of a state: blue while it runs, orange when the applicant must act, green done, grey ended. */
export const CASE_STATUS_COLOR: Record<CaseStatus, string> = {
  draft: 'default',
  returned: 'orange',
  pre_review: 'blue',
  supplement: 'orange',
  pre_review_passed: 'blue',
  awaiting_paper: 'orange',
  processing: 'blue',
  suspended: 'purple',
  joint_review: 'blue',
  escalated: 'blue',
  approved: 'cyan',
  completed: 'green',
  delivered: 'green',
  archived: 'green',
  not_accepted: 'red',
  voided: 'default',
  withdrawn: 'default',
};

export const HANDLING_CATEGORY: Record<HandlingCategory, string> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  escalated: '上报件',
};

export const ONLINE_DEPTH: Record<OnlineDepth, string> = {
  fully_online: '全程网办',
  online_pre_review: '网上预审',
  disclosure_only: '网上公开办事指南',
};

/**
 * 事项类型 (shared/design/domain.md): the catalogue's `kind` codes, in their order (a list: an object would put the
 * integer-like keys 10 and 20 first).
 */
export const ITEM_KINDS: readonly (readonly [string, string])[] = [
  ['01', '行政许可'],
  ['02', '行政处罚'],
  ['03', '行政强制'],
  ['04', '行政征收'],
  ['05', '行政给付'],
  ['06', '行政检查'],
  ['07', '行政确认'],
  ['08', '行政奖励'],
  ['09', '行政裁决'],
  ['10', '其他行政权力'],
  ['20', '公共服务'],
];
export const ITEM_KIND: Record<string, string> = Object.fromEntries(ITEM_KINDS);

export const MY_CASE_LIST: Record<Exclude<MyCaseList, 'drafts'>, string> = {
  submitted: '已提交',
  in_progress: '在办',
  completed: '办结',
};

export const QUEUE_KIND: Record<QueueKind, string> = {
  immediate: '即办件',
  promised: '承诺件',
  supplement: '补办件',
  returned: '退回件',
  escalated: '上报件',
  joint: '联办件',
};

export const STAFF_ROLE: Record<StaffRole, string> = {
  window_clerk: '窗口受理人员',
  reviewer: '审查人员',
  approver: '审批人员',
  department_head: '部门负责人',
  center_admin: '中心管理员',
  supervisor: '监督人员',
  complaint_handler: '投诉处理人员',
  finance_reconciler: '财务对账人员',
  ops_admin: '运维管理员',
};

/** Roles that work a department's queue of active steps. */
export const STEP_ROLES: readonly StaffRole[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

export const TIME_UNIT: Record<string, string> = { working_day: '个工作日', natural_day: '个自然日' };

export const MATERIAL_FORM: Record<string, string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件和复印件',
  electronic: '电子材料',
};

export const DELIVERY: Record<string, string> = { window_pickup: '窗口领取', post: '邮寄送达', electronic: '电子送达' };

export const SERVICE_OBJECT: Record<string, string> = { person: '自然人', enterprise: '法人', both: '自然人、法人' };

export const DOCUMENT_KIND: Record<string, string> = {
  application_copy: '申请书',
  acceptance_notice: '受理通知书',
  one_time_notice: '一次性告知书',
  refusal_notice: '不予受理通知书',
  decision: '决定书',
  licence: '证照',
  suspension_notice: '中止通知书',
  extension_notice: '延期通知书',
};
