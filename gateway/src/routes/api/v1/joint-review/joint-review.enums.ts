import { jointReviewV1 } from '@govhall/proto';
import { enumMapping } from '../../../../lib/enum-map';

/* The enums of govhall.joint_review.v1 ⇄ their REST spellings (lower_snake without the prefix). */
const mapping = <E extends Record<string, string | number>, const P extends string>(name: string, e: E, prefix: P) =>
  enumMapping('joint-review', name, e, prefix);

export const leadRule = mapping('LeadRule', jointReviewV1.LeadRule, 'LEAD_RULE_');
export const reviewState = mapping('JointReviewState', jointReviewV1.JointReviewState, 'JOINT_REVIEW_STATE_');
export const taskKind = mapping('TaskKind', jointReviewV1.TaskKind, 'TASK_KIND_');
export const taskState = mapping('TaskState', jointReviewV1.TaskState, 'TASK_STATE_');
export const assignmentBasis = mapping('AssignmentBasis', jointReviewV1.AssignmentBasis, 'ASSIGNMENT_BASIS_');
export const opinionKind = mapping('OpinionKind', jointReviewV1.OpinionKind, 'OPINION_KIND_');
export const workSource = mapping('WorkSource', jointReviewV1.WorkSource, 'WORK_SOURCE_');
export const decisionOutcome = mapping('DecisionOutcome', jointReviewV1.DecisionOutcome, 'DECISION_OUTCOME_');
export const meetingKind = mapping('MeetingKind', jointReviewV1.MeetingKind, 'MEETING_KIND_');
export const meetingState = mapping('MeetingState', jointReviewV1.MeetingState, 'MEETING_STATE_');
export const meetingResolution = mapping('MeetingResolution', jointReviewV1.MeetingResolution, 'MEETING_RESOLUTION_');
export const projectKind = mapping('ProjectKind', jointReviewV1.ProjectKind, 'PROJECT_KIND_');
export const projectAuthorisation = mapping(
  'ProjectAuthorisation',
  jointReviewV1.ProjectAuthorisation,
  'PROJECT_AUTHORISATION_',
);
export const projectState = mapping('ProjectState', jointReviewV1.ProjectState, 'PROJECT_STATE_');
export const agreementState = mapping('AgreementState', jointReviewV1.AgreementState, 'AGREEMENT_STATE_');
export const delegatedCaseState = mapping(
  'DelegatedCaseState',
  jointReviewV1.DelegatedCaseState,
  'DELEGATED_CASE_STATE_',
);
export const legKind = mapping('LegKind', jointReviewV1.LegKind, 'LEG_KIND_');
export const legState = mapping('LegState', jointReviewV1.LegState, 'LEG_STATE_');
export const legEnd = mapping('LegEnd', jointReviewV1.LegEnd, 'LEG_END_');
export const escalationSide = mapping('EscalationSide', jointReviewV1.EscalationSide, 'ESCALATION_SIDE_');
export const escalationState = mapping('EscalationState', jointReviewV1.EscalationState, 'ESCALATION_STATE_');
export const escalationUpdateKind = mapping(
  'EscalationUpdateKind',
  jointReviewV1.EscalationUpdateKind,
  'ESCALATION_UPDATE_KIND_',
);
