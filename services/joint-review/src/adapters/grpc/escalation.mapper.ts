import { enumCodec, enumSpelling, jointReviewV1 } from '@govhall/proto';
import type {
  EscalatedCase,
  Escalation,
  EscalationFile,
  EscalationSide,
  EscalationState,
  EscalationUpdate,
  EscalationUpdateKind,
  FollowUp,
  TaskDecision,
} from '../../domain/escalations/escalation';
import type { Attachment } from '../../domain/tasks/task';
import {
  applicantKind,
  decisionOutcome,
  toProtoApplicant,
  toProtoAttachment,
  toProtoLeg,
  toProtoTask,
  workSource,
} from './joint-review.mapper';

const pb = jointReviewV1;

export const escalationSide = enumCodec<EscalationSide, jointReviewV1.EscalationSide>(
  enumSpelling(pb.EscalationSide, 'ESCALATION_SIDE_'),
);
export const escalationState = enumCodec<EscalationState, jointReviewV1.EscalationState>(
  enumSpelling(pb.EscalationState, 'ESCALATION_STATE_'),
);
export const escalationUpdateKind = enumCodec<EscalationUpdateKind, jointReviewV1.EscalationUpdateKind>(
  enumSpelling(pb.EscalationUpdateKind, 'ESCALATION_UPDATE_KIND_'),
);

/** An attachment as the other side listed it (its bytes are fetched with GetEscalationFile). */
function fromProtoAttachment(a: jointReviewV1.Attachment): Attachment {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: Number(a.size),
    sha256: a.sha256,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt ?? new Date(0),
  };
}

export function toProtoDecision(d: TaskDecision): jointReviewV1.TaskDecision {
  return {
    outcome: decisionOutcome.toProto(d.outcome),
    reasons: [...d.reasons],
    remedies: [...d.remedies],
    documentNumber: d.documentNumber,
    attachments: d.attachments.map(toProtoAttachment),
    decidedBy: d.decidedBy,
    handlerName: d.handlerName,
    decidedAt: d.decidedAt,
    source: workSource.toProto(d.source),
  };
}

export function fromProtoDecision(d: jointReviewV1.TaskDecision): TaskDecision {
  return {
    outcome: decisionOutcome.fromProto(d.outcome) || 'denied',
    reasons: [...d.reasons],
    remedies: [...d.remedies],
    documentNumber: d.documentNumber,
    attachments: d.attachments.map(fromProtoAttachment),
    decidedBy: d.decidedBy,
    handlerName: d.handlerName,
    decidedAt: d.decidedAt ?? new Date(0),
    source: workSource.fromProto(d.source) || 'workbench',
  };
}

export function toProtoFile(f: EscalationFile): jointReviewV1.EscalationFile {
  return { ...f };
}

export function fromProtoFile(f: jointReviewV1.EscalationFile): Omit<EscalationFile, 'round' | 'transferred'> {
  return {
    id: f.id,
    materialId: f.materialId,
    materialName: f.materialName,
    fileName: f.fileName,
    contentType: f.contentType,
    size: Number(f.size),
    sha256: f.sha256,
  };
}

export function toProtoCase(c: EscalatedCase, files: readonly EscalationFile[]): jointReviewV1.EscalatedCase {
  return {
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    itemBasicCode: c.itemBasicCode,
    applicant: toProtoApplicant(c.applicant),
    formData: c.formData,
    materials: c.materials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      files: m.fileIds.flatMap((id) => {
        const f = files.find((x) => x.id === id);
        return f
          ? [{ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, sha256: f.sha256 }]
          : [];
      }),
      licenceNumber: m.licenceNumber,
      licenceValid: false,
      markedFor: [],
    })),
    acceptedAt: c.acceptedAt,
    promisedLimitWorkingDays: c.promisedLimitWorkingDays,
    statutoryLimitWorkingDays: c.statutoryLimitWorkingDays,
    promisedDueDate: c.promisedDueDate,
    statutoryDueDate: c.statutoryDueDate,
    sourceDepartment: c.sourceDepartment,
    sourceWindowId: c.sourceWindowId,
    sourceCenterName: c.sourceCenterName,
  };
}

export function fromProtoCase(c: jointReviewV1.EscalatedCase | undefined): EscalatedCase {
  const a = c?.applicant;
  return {
    caseId: c?.caseId ?? '',
    caseNumber: c?.caseNumber ?? '',
    itemName: c?.itemName ?? '',
    itemBasicCode: c?.itemBasicCode ?? '',
    applicant: {
      kind: a ? applicantKind.fromProto(a.kind) : '',
      name: a?.name ?? '',
      idCode: a?.idCode ?? '',
      legalRepresentative: a?.legalRepresentative ?? '',
      agentName: a?.agentName ?? '',
      mobile: a?.mobile ?? '',
      address: a?.address ?? '',
    },
    formData: c?.formData ?? '',
    materials: (c?.materials ?? []).map((m) => ({
      materialId: m.materialId,
      name: m.name,
      fileIds: m.files.map((f) => f.id),
      licenceNumber: m.licenceNumber,
    })),
    acceptedAt: c?.acceptedAt,
    promisedLimitWorkingDays: c?.promisedLimitWorkingDays ?? 0,
    statutoryLimitWorkingDays: c?.statutoryLimitWorkingDays ?? 0,
    promisedDueDate: c?.promisedDueDate ?? '',
    statutoryDueDate: c?.statutoryDueDate ?? '',
    sourceDepartment: c?.sourceDepartment ?? '',
    sourceWindowId: c?.sourceWindowId ?? '',
    sourceCenterName: c?.sourceCenterName ?? '',
  };
}

export function toProtoUpdate(u: EscalationUpdate): jointReviewV1.EscalationUpdate {
  return {
    sequence: u.sequence,
    kind: escalationUpdateKind.toProto(u.kind),
    text: u.text,
    reasons: [...u.reasons],
    procedure: u.procedure,
    plannedWorkingDays: u.plannedWorkingDays,
    decision: u.decision ? toProtoDecision(u.decision) : undefined,
    attachments: u.attachments.map(toProtoAttachment),
    by: u.by,
    at: u.at,
    mirroredAt: u.mirroredAt,
  };
}

export function fromProtoUpdate(u: jointReviewV1.EscalationUpdate): EscalationUpdate {
  return {
    sequence: Number(u.sequence),
    kind: escalationUpdateKind.fromProto(u.kind) || 'progress',
    text: u.text,
    reasons: [...u.reasons],
    procedure: u.procedure,
    plannedWorkingDays: u.plannedWorkingDays,
    decision: u.decision ? fromProtoDecision(u.decision) : undefined,
    attachments: u.attachments.map(fromProtoAttachment),
    by: u.by,
    at: u.at ?? new Date(0),
  };
}

function toProtoFollowUp(f: FollowUp): jointReviewV1.FollowUp {
  return { ...f };
}

export function toProtoEscalation(e: Escalation): jointReviewV1.Escalation {
  const decision = e.decision ? toProtoDecision(e.decision) : undefined;
  return {
    id: e.id,
    side: escalationSide.toProto(e.side),
    tenant: e.tenant,
    sourceTenant: e.sourceTenant,
    targetTenant: e.targetTenant,
    counterpartId: e.counterpartId,
    department: e.department,
    targetDepartment: e.targetDepartment,
    state: escalationState.toProto(e.state),
    case: toProtoCase(e.case, e.files),
    files: e.files.map(toProtoFile),
    round: e.round,
    legs: e.legs.map(toProtoLeg),
    task: e.task ? { ...toProtoTask(e.task), decision } : undefined,
    updates: e.updates.map(toProtoUpdate),
    decision,
    followUps: e.followUps.map(toProtoFollowUp),
    followUpBy: e.followUpBy,
    transferError: e.transferError,
    note: e.note,
    forwardedBy: e.side === 'receiver' ? e.forwardedByName : e.forwardedBy,
    forwardedAt: e.forwardedAt,
    receivedAt: e.receivedAt,
    decidedAt: e.decidedAt,
    concludedAt: e.concludedAt,
    withdrawnReason: e.withdrawnReason,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}
