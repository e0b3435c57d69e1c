import type { jointReviewV1 } from '@govhall/proto';
import { leadRule } from './joint-review.enums';
import type { Flow, PutFlowBody, Settings, UpdateSettingsBody } from './settings.schemas';

const iso = (d: Date | undefined) => d?.toISOString();
const text = (s: string) => s || undefined;

export function settingsToRest(s: jointReviewV1.JointReviewSettings): Settings {
  return {
    tenant: s.tenant,
    leadRule: leadRule.rest(s.leadRule),
    defaultReviewWorkingDays: s.defaultReviewWorkingDays,
    escalationForwardWorkingDays: s.escalationForwardWorkingDays,
    escalationRoutes: s.escalationRoutes.map((r) => ({
      department: r.department,
      targetDepartment: r.targetDepartment,
    })),
    delegatedTransferWorkingDays: s.delegatedTransferWorkingDays,
    delegatedReplyWorkingDays: s.delegatedReplyWorkingDays,
    version: Number(s.version),
    updatedBy: text(s.updatedBy),
    updatedAt: iso(s.updatedAt),
  };
}

export function settingsToProto(tenant: string, b: UpdateSettingsBody): jointReviewV1.JointReviewSettings {
  return {
    tenant,
    leadRule: leadRule.proto(b.leadRule),
    defaultReviewWorkingDays: b.defaultReviewWorkingDays,
    escalationForwardWorkingDays: b.escalationForwardWorkingDays,
    escalationRoutes: b.escalationRoutes.map((r) => ({
      department: r.department,
      targetDepartment: r.targetDepartment,
    })),
    delegatedTransferWorkingDays: b.delegatedTransferWorkingDays,
    delegatedReplyWorkingDays: b.delegatedReplyWorkingDays,
    version: 0,
    updatedBy: '',
    updatedAt: undefined,
  };
}

export function flowToRest(f: jointReviewV1.JointFlow): Flow {
  return {
    tenant: f.tenant,
    itemSeriesId: f.itemSeriesId,
    itemName: f.itemName,
    leadDepartment: f.leadDepartment,
    leadWindowId: text(f.leadWindowId),
    participants: f.participants.map((p) => ({
      department: p.department,
      stage: p.stage,
      budgetWorkingDays: p.budgetWorkingDays,
      required: p.required,
      formFields: p.formFields,
      materialIds: p.materialIds,
    })),
    meetingExpected: f.meetingExpected,
    configured: f.configured,
    version: Number(f.version),
    updatedBy: text(f.updatedBy),
    updatedAt: iso(f.updatedAt),
  };
}

export function flowToProto(tenant: string, itemSeriesId: string, b: PutFlowBody): jointReviewV1.JointFlow {
  return {
    tenant,
    itemSeriesId,
    itemName: '',
    leadDepartment: b.leadDepartment ?? '',
    leadWindowId: b.leadWindowId ?? '',
    participants: b.participants.map((p) => ({
      department: p.department,
      stage: p.stage,
      budgetWorkingDays: p.budgetWorkingDays,
      required: p.required,
      formFields: p.formFields ?? [],
      materialIds: p.materialIds ?? [],
    })),
    meetingExpected: b.meetingExpected ?? false,
    configured: false,
    version: 0,
    updatedBy: '',
    updatedAt: undefined,
  };
}
