/** The complaints service's codes (services/complaints; proto govhall.complaints.v1): ratings and rectifications. */
export type RectificationOutcomeCode = 'fixed' | 'fix_by_date' | 'explained' | 'appeal_mistaken' | 'appeal_malicious';

/** How the handler concludes a rectification (差评整改), as staff choose it: three close it, two appeal. */
export const RECTIFICATION_OUTCOME_NAMES: Readonly<Record<RectificationOutcomeCode, string>> = {
  fixed: '立行立改',
  fix_by_date: '限期整改',
  explained: '解释说明',
  appeal_mistaken: '申诉（误评）',
  appeal_malicious: '申诉（恶意差评）',
};

/**
 * How a rectification of a bad rating (差评整改) ended, in the words its rater is told (the portal's case, the
 * e-mail and SMS). An upheld appeal reads as the finding, not as an appeal.
 */
export const RECTIFICATION_OUTCOME_RATER_NAMES: Readonly<Record<RectificationOutcomeCode, string>> = {
  fixed: '已立行立改',
  fix_by_date: '限期整改',
  explained: '解释说明',
  appeal_mistaken: '经核查为误评',
  appeal_malicious: '经核查不属实',
};

export type ComplaintStatusCode = 'received' | 'accepted' | 'rejected' | 'replied' | 'closed';
export type ComplaintTypeCode = 'complaint' | 'report';
export type ComplaintKindCode = 'efficiency' | 'law_enforcement' | 'reconsideration' | 'service';
export type ComplaintChannelCode = 'online' | 'visit' | 'phone' | 'letter' | 'box' | 'open311';
export type ComplaintTargetKindCode = 'department' | 'window' | 'staff' | 'case' | 'none';
export type ComplaintFindingCode = 'justified' | 'invalid' | 'mistaken';
export type HandlingOfficeCode = 'supervision' | 'legal_affairs' | 'coordination';
export type ReplySatisfactionCode = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** Where a complaint (投诉和举报) stands. */
export const COMPLAINT_STATUS_NAMES: Readonly<Record<ComplaintStatusCode, string>> = {
  received: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  replied: '已答复',
  closed: '已评价',
};

export const COMPLAINT_TYPE_NAMES: Readonly<Record<ComplaintTypeCode, string>> = {
  complaint: '投诉',
  report: '举报',
};

/** What a complaint is about; the kind decides the office that handles it (C15, C16). */
export const COMPLAINT_KIND_NAMES: Readonly<Record<ComplaintKindCode, string>> = {
  efficiency: '行政效能和工作作风',
  law_enforcement: '窗口行政执法',
  reconsideration: '行政复议申请',
  service: '服务质量和办事环境',
};

export const COMPLAINT_CHANNEL_NAMES: Readonly<Record<ComplaintChannelCode, string>> = {
  online: '网上投诉',
  visit: '来访',
  phone: '来电',
  letter: '来信',
  box: '意见箱',
  open311: '部门系统',
};

export const COMPLAINT_TARGET_KIND_NAMES: Readonly<Record<ComplaintTargetKindCode, string>> = {
  department: '部门',
  window: '窗口',
  staff: '工作人员',
  case: '办件',
  none: '不指定',
};

/** How the handling office classes a complaint in its answer. */
export const COMPLAINT_FINDING_NAMES: Readonly<Record<ComplaintFindingCode, string>> = {
  justified: '合理投诉',
  invalid: '无效投诉',
  mistaken: '错误投诉',
};

export const HANDLING_OFFICE_NAMES: Readonly<Record<HandlingOfficeCode, string>> = {
  supervision: '效能监察室',
  legal_affairs: '法制办窗口',
  coordination: '综合协调办公室',
};

/** The complainant's vote on the answer (C10). */
export const REPLY_SATISFACTION_NAMES: Readonly<Record<ReplySatisfactionCode, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};
