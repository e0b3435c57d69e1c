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
  | 'inspection_finding';

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
};
