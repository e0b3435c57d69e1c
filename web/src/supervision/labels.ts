import type { SignalLevel, Sanction, ViolationKind, Violation, Accountability } from './types';

/** What a supervisor reads for each code (proto comments; decision 5: 预警/黄牌/红牌 are signals, not sanctions). */
export const SIGNAL_NAMES: Record<SignalLevel, string> = { none: '无', warning: '预警', yellow: '黄牌', red: '红牌' };
export const SIGNAL_COLORS: Record<SignalLevel, string> = {
  none: 'default',
  warning: 'blue',
  yellow: 'gold',
  red: 'red',
};

export const VIOLATION_KIND_NAMES: Record<ViolationKind, string> = {
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

export const VIOLATION_STATE_NAMES: Record<Violation['state'], string> = {
  open: '待处理',
  proposed: '已提处理意见',
  decided: '已决定',
  dismissed: '不构成违规',
};

export const SANCTION_NAMES: Record<Sanction, string> = {
  criticism_and_education: '批评教育',
  admonitory_talk: '诫勉谈话',
  written_self_examination: '责令写出书面检查',
  disqualified_from_commendation: '取消评先资格',
  circulated_criticism: '通报批评',
  yellow_card_warning: '黄牌警告',
  suggest_reassignment: '建议调整窗口人员',
};

export const ACCOUNTABILITY_STATE_NAMES: Record<Accountability['state'], string> = {
  proposed: '已提处理意见',
  decided: '已决定',
  dismissed: '不予处理',
};

export const CLOCK_STATE_NAMES = {
  not_started: '未开始计时',
  running: '计时中',
  paused: '暂停计时',
  stopped: '已办结',
} as const;
