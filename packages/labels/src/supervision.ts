/** Supervision's codes (services/supervision; proto govhall.supervision.v1): signal levels and violation kinds. */
export type SignalLevelCode = 'none' | 'warning' | 'yellow' | 'red';

/** Decision 5: 预警/黄牌/红牌 are automatic signals, not the sanction 黄牌警告. */
export const SIGNAL_LEVEL_NAMES: Readonly<Record<SignalLevelCode, string>> = {
  none: '无',
  warning: '预警',
  yellow: '黄牌',
  red: '红牌',
};

export type ViolationKindCode =
  | 'decision_past_limit'
  | 'step_past_budget'
  | 'notice_late'
  | 'refusal_without_reasons'
  | 'approval_without_licence_check'
  | 'outside_system'
  | 'hosted_item_without_cases'
  | 'payment_marked_by_staff'
  | 'rectification_late'
  | 'inspection_finding'
  | 'fee_outside_center'
  | 'slip_unconfirmed'
  | 'complaint_late'
  | 'complaint_justified';

export const VIOLATION_KIND_LABELS: Readonly<Record<ViolationKindCode, string>> = {
  decision_past_limit: '超期办结',
  step_past_budget: '环节超时',
  notice_late: '一次性告知超时',
  refusal_without_reasons: '不予受理/不予许可未说明理由',
  approval_without_licence_check: '未核实证照即审批',
  outside_system: '体外循环',
  hosted_item_without_cases: '明进暗不进',
  payment_marked_by_staff: '工作人员确认缴费',
  rectification_late: '差评整改超期',
  inspection_finding: '日检查发现',
  fee_outside_center: '中心外收费',
  slip_unconfirmed: '缴费回执未到账',
  complaint_late: '投诉办理超时',
  complaint_justified: '有效投诉',
};

export type ViolationStateCode = 'open' | 'proposed' | 'decided' | 'dismissed';
export const VIOLATION_STATE_NAMES: Readonly<Record<ViolationStateCode, string>> = {
  open: '待处理',
  proposed: '已提处理意见',
  decided: '已决定',
  dismissed: '不构成违规',
};

/** The seven sanctions of S19 (黄牌警告 among them: a sanction, unlike the signal 黄牌). */
export type SanctionCode =
  | 'criticism_and_education'
  | 'admonitory_talk'
  | 'written_self_examination'
  | 'disqualified_from_commendation'
  | 'circulated_criticism'
  | 'yellow_card_warning'
  | 'suggest_reassignment';
export const SANCTION_NAMES: Readonly<Record<SanctionCode, string>> = {
  criticism_and_education: '批评教育',
  admonitory_talk: '诫勉谈话',
  written_self_examination: '责令写出书面检查',
  disqualified_from_commendation: '取消评先资格',
  circulated_criticism: '通报批评',
  yellow_card_warning: '黄牌警告',
  suggest_reassignment: '建议调整窗口人员',
};

export type AccountabilityStateCode = 'proposed' | 'decided' | 'dismissed';
export const ACCOUNTABILITY_STATE_NAMES: Readonly<Record<AccountabilityStateCode, string>> = {
  proposed: '已提处理意见',
  decided: '已决定',
  dismissed: '不予处理',
};

export type ClockStateCode = 'not_started' | 'running' | 'paused' | 'stopped';
export const CLOCK_STATE_NAMES: Readonly<Record<ClockStateCode, string>> = {
  not_started: '未开始计时',
  running: '计时中',
  paused: '暂停计时',
  stopped: '已办结',
};

/** 督办 (S9, ADR 0044): its states and what it is addressed to. */
export type OrderStateCode = 'issued' | 'replied' | 'returned' | 'closed';
export const ORDER_STATE_NAMES: Readonly<Record<OrderStateCode, string>> = {
  issued: '待办理',
  replied: '已答复',
  returned: '已退回',
  closed: '已办结',
};
export type OrderTargetKindCode = 'case' | 'department' | 'window';
export const ORDER_TARGET_KIND_NAMES: Readonly<Record<OrderTargetKindCode, string>> = {
  case: '办件',
  department: '部门',
  window: '窗口',
};

/** Why a member of staff received a site message (ADR 0045). */
export type MessageRelationCode = 'responsible' | 'window_lead' | 'department_head' | 'supervisor';
export const MESSAGE_RELATION_NAMES: Readonly<Record<MessageRelationCode, string>> = {
  responsible: '责任人',
  window_lead: '窗口负责人',
  department_head: '部门负责人',
  supervisor: '监察人员',
};
