import type { jointReviewV1 } from '@govhall/proto';
import { applicantKind } from '../cases/cases.enums';
import {
  decisionOutcome,
  escalationSide,
  escalationState,
  escalationUpdateKind,
  legKind,
  legState,
  workSource,
} from './joint-review.enums';
import { taskToRest } from './joint-review.mapper';
import type { Applicant, Escalation } from './escalation.schemas';

const iso = (d: Date | undefined) => d?.toISOString();
const text = (s: string) => s || undefined;
type Decision = NonNullable<Escalation['decision']>;

function decisionToRest(d: jointReviewV1.TaskDecision | undefined): Decision | undefined {
  if (!d?.outcome) return undefined;
  return {
    outcome: decisionOutcome.rest(d.outcome),
    reasons: d.reasons,
    remedies: d.remedies,
    documentNumber: text(d.documentNumber),
    decidedBy: d.decidedBy,
    handlerName: text(d.handlerName),
    decidedAt: iso(d.decidedAt),
    source: workSource.rest(d.source),
  };
}

/** The applicant's base data as the participants see it (unmasked: they review the case). */
export function applicantToRest(a: jointReviewV1.ApplicantBase | undefined): Applicant | undefined {
  return a?.kind
    ? {
        kind: applicantKind.rest(a.kind),
        name: a.name,
        idCode: a.idCode,
        legalRepresentative: text(a.legalRepresentative),
        agentName: text(a.agentName),
        mobile: text(a.mobile),
        address: text(a.address),
      }
    : undefined;
}

function caseToRest(c: jointReviewV1.EscalatedCase | undefined): Escalation['case'] {
  const a = c?.applicant;
  return {
    caseId: c?.caseId ?? '',
    caseNumber: c?.caseNumber ?? '',
    itemName: c?.itemName ?? '',
    itemBasicCode: c?.itemBasicCode ?? '',
    applicant: applicantToRest(a),
    formData: c?.formData ?? '',
    materials: (c?.materials ?? []).map((m) => ({
      materialId: m.materialId,
      name: m.name,
      fileIds: m.files.map((f) => f.id),
      licenceNumber: text(m.licenceNumber),
    })),
    acceptedAt: iso(c?.acceptedAt),
    promisedLimitWorkingDays: c?.promisedLimitWorkingDays ?? 0,
    statutoryLimitWorkingDays: c?.statutoryLimitWorkingDays ?? 0,
    promisedDueDate: c?.promisedDueDate ?? '',
    statutoryDueDate: c?.statutoryDueDate ?? '',
    sourceDepartment: c?.sourceDepartment ?? '',
    sourceWindowId: c?.sourceWindowId ?? '',
    sourceCenterName: c?.sourceCenterName ?? '',
  };
}

export function escalationToRest(e: jointReviewV1.Escalation): Escalation {
  return {
    id: e.id,
    side: escalationSide.rest(e.side),
    tenant: e.tenant,
    sourceTenant: e.sourceTenant,
    targetTenant: e.targetTenant,
    counterpartId: text(e.counterpartId),
    department: e.department,
    targetDepartment: e.targetDepartment,
    state: escalationState.rest(e.state),
    case: caseToRest(e.case),
    files: e.files.map((f) => ({
      id: f.id,
      materialId: text(f.materialId),
      materialName: f.materialName,
      fileName: f.fileName,
      contentType: f.contentType,
      size: Number(f.size),
      transferred: f.transferred,
      round: f.round,
    })),
    round: e.round,
    legs: e.legs.map((l) => ({
      id: l.id,
      kind: legKind.rest(l.kind),
      department: l.department,
      responsible: text(l.responsible),
      budgetWorkingDays: l.budgetWorkingDays,
      startDate: text(l.startDate),
      dueDate: text(l.dueDate),
      state: legState.rest(l.state),
      startedAt: iso(l.startedAt),
      finishedAt: iso(l.finishedAt),
    })),
    task: e.task?.id ? taskToRest(e.task) : undefined,
    updates: e.updates.map((u) => ({
      sequence: Number(u.sequence),
      kind: escalationUpdateKind.rest(u.kind),
      text: u.text,
      reasons: u.reasons,
      procedure: text(u.procedure),
      plannedWorkingDays: u.plannedWorkingDays || undefined,
      decision: decisionToRest(u.decision),
      by: u.by,
      at: iso(u.at),
      mirroredAt: iso(u.mirroredAt),
    })),
    decision: decisionToRest(e.decision),
    followUps: e.followUps.map((f) => ({ text: f.text, contact: text(f.contact), by: f.by, at: iso(f.at) })),
    followUpBy: text(e.followUpBy),
    transferError: text(e.transferError),
    note: text(e.note),
    forwardedBy: text(e.forwardedBy),
    forwardedAt: iso(e.forwardedAt),
    receivedAt: iso(e.receivedAt),
    decidedAt: iso(e.decidedAt),
    concludedAt: iso(e.concludedAt),
    withdrawnReason: text(e.withdrawnReason),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
    version: Number(e.version),
  };
}
