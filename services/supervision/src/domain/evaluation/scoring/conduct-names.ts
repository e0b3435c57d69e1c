import type { Sanction } from '../../accountability/accountability';
import type { ViolationKind } from '../../violations/violation';

/** The names a deduction line reads (the same words as the supervision console). */
export const VIOLATION_KIND_NAMES: Readonly<Record<ViolationKind, string>> = {
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

export const SANCTION_NAMES: Readonly<Record<Sanction, string>> = {
  criticism_and_education: '批评教育',
  admonitory_talk: '诫勉谈话',
  written_self_examination: '责令写出书面检查',
  disqualified_from_commendation: '取消评先资格',
  circulated_criticism: '通报批评',
  yellow_card_warning: '黄牌警告',
  suggest_reassignment: '建议调整窗口人员',
};
