import type { jointReviewV1 } from '@govhall/proto';
import type { FlowParticipant, JointFlow, JointFlowContent } from '../../domain/reviews/joint-flow';
import type { ReviewSettings, ReviewSettingsContent } from '../../domain/reviews/review-settings';
import type { LeadRule } from '../../domain/reviews/joint-review';
import { leadRule } from './joint-review.mapper';

export function toProtoSettings(s: ReviewSettings): jointReviewV1.JointReviewSettings {
  return {
    tenant: s.tenant,
    leadRule: leadRule.toProto(s.leadRule),
    defaultReviewWorkingDays: s.defaultReviewWorkingDays,
    escalationForwardWorkingDays: s.escalationForwardWorkingDays,
    escalationRoutes: s.escalationRoutes.map((r) => ({
      department: r.department,
      targetDepartment: r.targetDepartment,
    })),
    delegatedTransferWorkingDays: s.delegatedTransferWorkingDays,
    delegatedReplyWorkingDays: s.delegatedReplyWorkingDays,
    version: s.version,
    updatedBy: s.updatedBy,
    ...(s.updatedAt ? { updatedAt: s.updatedAt } : {}),
  };
}

/** The settings' content as sent; an unset lead rule stays '' (the domain asks for one). */
export function fromProtoSettings(s: jointReviewV1.JointReviewSettings | undefined): ReviewSettingsContent {
  return {
    leadRule: (leadRule.fromProto(s?.leadRule ?? 0) || '') as LeadRule,
    defaultReviewWorkingDays: s?.defaultReviewWorkingDays ?? 0,
    escalationForwardWorkingDays: s?.escalationForwardWorkingDays ?? 0,
    escalationRoutes: (s?.escalationRoutes ?? []).map((r) => ({
      department: r.department,
      targetDepartment: r.targetDepartment,
    })),
    delegatedTransferWorkingDays: s?.delegatedTransferWorkingDays ?? 0,
    delegatedReplyWorkingDays: s?.delegatedReplyWorkingDays ?? 0,
  };
}

const participant = (p: FlowParticipant): jointReviewV1.FlowParticipant => ({
  department: p.department,
  stage: p.stage,
  budgetWorkingDays: p.budgetWorkingDays,
  required: p.required,
  formFields: [...p.formFields],
  materialIds: [...p.materialIds],
});

export function toProtoFlow(f: JointFlow): jointReviewV1.JointFlow {
  return {
    tenant: f.tenant,
    itemSeriesId: f.itemSeriesId,
    itemName: f.itemName,
    leadDepartment: f.leadDepartment,
    leadWindowId: f.leadWindowId,
    participants: f.participants.map(participant),
    meetingExpected: f.meetingExpected,
    configured: f.configured,
    version: f.version,
    updatedBy: f.updatedBy,
    ...(f.updatedAt ? { updatedAt: f.updatedAt } : {}),
  };
}

export function fromProtoFlow(f: jointReviewV1.JointFlow | undefined): JointFlowContent {
  return {
    leadDepartment: f?.leadDepartment ?? '',
    leadWindowId: f?.leadWindowId ?? '',
    participants: (f?.participants ?? []).map((p) => ({
      department: p.department,
      stage: p.stage,
      budgetWorkingDays: p.budgetWorkingDays,
      required: p.required,
      formFields: [...p.formFields],
      materialIds: [...p.materialIds],
    })),
    meetingExpected: f?.meetingExpected ?? false,
  };
}
