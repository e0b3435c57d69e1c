import {
  CASE_STATUS_NAMES,
  DELIVERY_OPTION_NAMES,
  HANDLING_CATEGORY_NAMES,
  ITEM_KIND_NAMES,
  ITEM_KINDS,
  MATERIAL_FORM_NAMES,
  MY_CASE_LIST_NAMES,
  ONLINE_DEPTH_NAMES,
  QUEUE_KIND_NAMES,
  ROLE_NAMES,
  SERVICE_OBJECT_NAMES,
  TIME_UNIT_NAMES,
  type SignalLevelCode,
} from '@govhall/labels';
import type {
  CaseStatus,
  HandlingCategory,
  JointReviewState,
  JointTaskState,
  MeetingKind,
  MeetingResolution,
  MeetingState,
  MyCaseList,
  OnlineDepth,
  OpinionKind,
  ProjectAuthorisation,
  ProjectKind,
  ProjectState,
  QueueKind,
  StaffRole,
} from '../api/types';

/**
 * The Chinese names people read for the API's codes: the words of @govhall/labels (the same the services print in
 * their documents and the gateway in its messages), plus what only the web shows. Each map is typed by the generated client, so a value the
 * gateway adds (a new case state) fails the web build until it has a name here.
 */
export const CASE_STATUS: Readonly<Record<CaseStatus, string>> = CASE_STATUS_NAMES;

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
  awaiting_payment: 'orange',
};

export const HANDLING_CATEGORY: Readonly<Record<HandlingCategory, string>> = HANDLING_CATEGORY_NAMES;

export const ONLINE_DEPTH: Readonly<Record<OnlineDepth, string>> = ONLINE_DEPTH_NAMES;

/** 事项类型, in their official order. */
export { ITEM_KINDS };
export const ITEM_KIND: Readonly<Record<string, string>> = ITEM_KIND_NAMES;

export const MY_CASE_LIST: Readonly<Record<Exclude<MyCaseList, 'drafts'>, string>> = MY_CASE_LIST_NAMES;

export const QUEUE_KIND: Readonly<Record<QueueKind, string>> = QUEUE_KIND_NAMES;

export const STAFF_ROLE: Readonly<Record<StaffRole, string>> = ROLE_NAMES;

/** Roles that work a department's queue of active steps. */
export const STEP_ROLES: readonly StaffRole[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

export const TIME_UNIT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(TIME_UNIT_NAMES).map(([code, name]) => [code, `个${name}`]),
);

export const MATERIAL_FORM: Readonly<Record<string, string>> = MATERIAL_FORM_NAMES;

export const DELIVERY: Readonly<Record<string, string>> = DELIVERY_OPTION_NAMES;

export const SERVICE_OBJECT: Readonly<Record<string, string>> = SERVICE_OBJECT_NAMES;

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

/** Tag colour of a supervision signal (预警 blue, 黄牌 gold, 红牌 red): the console, the big screen and the staff inbox. */
export const SIGNAL_COLORS: Readonly<Record<SignalLevelCode, string>> = {
  none: 'default',
  warning: 'blue',
  yellow: 'gold',
  red: 'red',
};

/** 联办件: a joint review's state, a department task's state and an opinion's kind, as staff read them. */
export const JOINT_REVIEW_STATE: Readonly<Record<JointReviewState, string>> = {
  open: '审查中',
  awaiting_conclusion: '待牵头部门出具结论',
  concluded: '已出结论',
  cancelled: '已取消',
};
export const JOINT_TASK_STATE: Readonly<Record<JointTaskState, string>> = {
  waiting: '待前序阶段完成',
  open: '待认领',
  claimed: '办理中',
  done: '已出具意见',
  cancelled: '已取消',
};
export const JOINT_TASK_STATE_COLOR: Readonly<Record<JointTaskState, string>> = {
  waiting: 'default',
  open: 'orange',
  claimed: 'blue',
  done: 'green',
  cancelled: 'default',
};
export const OPINION_KIND: Readonly<Record<OpinionKind, string>> = {
  agree: '同意',
  disagree: '不同意',
  agree_with_conditions: '附条件同意',
};

/** 联审会议 (J10): a meeting's state, kind and the resolution of an agenda item. */
export const MEETING_STATE: Readonly<Record<MeetingState, string>> = {
  scheduled: '待召开',
  held: '已召开',
  concluded: '已形成结论',
  cancelled: '已取消',
};
export const MEETING_STATE_COLOR: Readonly<Record<MeetingState, string>> = {
  scheduled: 'blue',
  held: 'orange',
  concluded: 'green',
  cancelled: 'default',
};
export const MEETING_KIND: Readonly<Record<MeetingKind, string>> = {
  case_review: '会议联审',
  standing: '联席会议',
};
export const MEETING_RESOLUTION: Readonly<Record<MeetingResolution, string>> = {
  agreed: '同意',
  agreed_with_conditions: '附条件同意',
  denied: '不同意',
  deferred: '再议',
};

/** A project's state (重大项目, J20). */
export const PROJECT_STATE: Readonly<Record<ProjectState, string>> = {
  active: '推进中',
  completed: '已完成',
  closed: '已关闭',
};

/** Tag colour of a project's state: blue while it runs, green done, grey closed. */
export const PROJECT_STATE_COLOR: Readonly<Record<ProjectState, string>> = {
  active: 'blue',
  completed: 'green',
  closed: 'default',
};

/** A project's kind. */
export const PROJECT_KIND: Readonly<Record<ProjectKind, string>> = {
  investment: '投资项目（招商引资）',
  construction: '建设项目',
  technical_renovation: '技改项目',
  real_estate: '房地产项目',
  other: '其他重大项目',
};

/** How a project is authorised (核准、备案和转报). */
export const PROJECT_AUTHORISATION: Readonly<Record<ProjectAuthorisation, string>> = {
  approval: '核准',
  filing: '备案',
  forwarding: '转报',
};

/** 申请人类型. */
export const APPLICANT_KIND: Record<'natural_person' | 'legal_person' | 'other_organisation', string> = {
  natural_person: '自然人',
  legal_person: '法人',
  other_organisation: '其他组织',
};
