import type { applicationsV1, catalogueV1 } from '@govhall/proto';
import { ruleKind } from '../catalogue/catalogue.enums';
import type { PreReviewRuleInput } from '../catalogue/content.schemas';
import {
  applicantKind,
  caseStatus,
  channel,
  deliveryMethod,
  documentKind,
  extensionState,
  handlingCategory,
  outcome,
  paymentState,
  stepState,
} from './cases.enums';
import type { Case, CaseSettings, CaseSummary, Progress } from './case.schemas';

/** An answer the service must always fill; its absence is a contract breach (500), not a client error. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`applications answered without ${what}`);
  return value;
}

const iso = (d: Date | undefined) => (d ?? new Date(0)).toISOString();
/** Proto strings are '' and timestamps unset when there is none; REST leaves such fields out. */
const orNone = (s: string) => (s === '' ? undefined : s);
/** An enum the service may leave unset (a history entry's from-status of the first act): absent in REST. */
const statusOrNone = (s: applicationsV1.CaseStatus) => (s === 0 ? undefined : caseStatus.rest(s));

/** The form data travels as JSON text; REST carries the object ('' is an empty form). */
export function formDataToRest(text: string): Record<string, unknown> {
  if (text === '') return {};
  const value = JSON.parse(text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('applications answered form data that is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The form data as sent (an object, or none) → the proto's JSON text ('' = none). */
export const formDataToProto = (data: Record<string, unknown> | undefined) =>
  data === undefined ? '' : JSON.stringify(data);

export const contactToProto = (c: { mobile?: string; email?: string } | undefined) =>
  c && { mobile: c.mobile ?? '', email: c.email ?? '' };

export const fileToRest = (f: applicationsV1.CaseFile) => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: iso(f.uploadedAt),
});

function deadlineToRest(d: applicationsV1.Deadline) {
  return {
    dueDate: orNone(d.dueDate),
    startDate: orNone(d.startDate),
    limitWorkingDays: d.limitWorkingDays,
    extensionWorkingDays: d.extensionWorkingDays,
    suspendedWorkingDays: d.suspendedWorkingDays,
    provisional: d.provisional,
    skipped: d.skipped.map((s) => ({ date: s.date, reason: s.reason })),
    explanation: orNone(d.explanation),
  };
}

export function caseToRest(c: applicationsV1.Case): Case {
  const a = present(c.applicant, 'case.applicant');
  return {
    id: c.id,
    caseNumber: orNone(c.caseNumber),
    tenant: c.tenant,
    status: caseStatus.rest(c.status),
    version: c.version,
    channel: channel.rest(c.channel),
    itemId: c.itemId,
    itemName: c.itemName,
    itemBasicCode: c.itemBasicCode,
    itemEdition: c.itemEdition,
    handlingCategory: handlingCategory.rest(c.handlingCategory),
    department: c.department,
    windowId: orNone(c.windowId),
    applicant: {
      kind: applicantKind.rest(a.kind),
      personId: a.personId,
      name: a.name,
      idCode: a.idCode,
      subject: orNone(a.subject),
      agentPersonId: orNone(a.agentPersonId),
      agentName: orNone(a.agentName),
      agentSubject: orNone(a.agentSubject),
      agentGrantId: orNone(a.agentGrantId),
    },
    contact: { mobile: orNone(c.contact?.mobile ?? ''), email: orNone(c.contact?.email ?? '') },
    formData: formDataToRest(c.formData),
    materials: c.materials.map((m) => ({
      materialId: m.materialId,
      name: m.name,
      required: m.required,
      files: m.files.map(fileToRest),
      licence: m.licence && {
        licenceId: m.licence.licenceId,
        licenceNumber: m.licence.licenceNumber,
        licenceType: m.licence.licenceType,
        holderName: m.licence.holderName,
        validUntil: m.licence.validUntil?.toISOString(),
        checkedAt: m.licence.checkedAt?.toISOString(),
        valid: m.licence.valid,
      },
    })),
    uploadComplete: c.uploadComplete,
    problems: c.problems.map((p) => ({
      ruleId: orNone(p.ruleId),
      field: orNone(p.field),
      materialId: orNone(p.materialId),
      message: p.message,
    })),
    corrections: c.corrections.map((k) => ({
      field: orNone(k.field),
      materialId: orNone(k.materialId),
      note: k.note,
      recordedBy: k.recordedBy,
      at: iso(k.at),
    })),
    clocks: c.clocks && {
      receivedDate: orNone(c.clocks.receivedDate),
      acceptedDate: orNone(c.clocks.acceptedDate),
      promised: c.clocks.promised && deadlineToRest(c.clocks.promised),
      statutory: c.clocks.statutory && deadlineToRest(c.clocks.statutory),
      noticeDueDate: orNone(c.clocks.noticeDueDate),
    },
    steps: c.steps.map((s) => ({
      index: s.index,
      name: s.name,
      role: s.role,
      budgetWorkingDays: s.budgetWorkingDays,
      department: orNone(s.department),
      state: stepState.rest(s.state),
      startedAt: s.startedAt?.toISOString(),
      finishedAt: s.finishedAt?.toISOString(),
      dueDate: orNone(s.dueDate),
      handledBy: orNone(s.handledBy),
      opinion: orNone(s.opinion),
    })),
    suspensions: c.suspensions.map((s) => ({
      procedure: s.procedure,
      reason: s.reason,
      plannedWorkingDays: s.plannedWorkingDays,
      startedDate: s.startedDate,
      endedDate: orNone(s.endedDate),
      suspendedWorkingDays: s.suspendedWorkingDays,
      startedBy: s.startedBy,
    })),
    extension: c.extension && {
      workingDays: c.extension.workingDays,
      reason: c.extension.reason,
      state: extensionState.rest(c.extension.state),
      requestedBy: c.extension.requestedBy,
      headApprovedBy: orNone(c.extension.headApprovedBy),
      centerReviewedBy: orNone(c.extension.centerReviewedBy),
      rejectedReason: orNone(c.extension.rejectedReason),
    },
    decision: c.decision && {
      outcome: outcome.rest(c.decision.outcome),
      reasons: [...c.decision.reasons],
      remedies: [...c.decision.remedies],
      decidedBy: c.decision.decidedBy,
      decidedAt: c.decision.decidedAt?.toISOString(),
    },
    licenceId: orNone(c.licenceId),
    delivery: c.delivery && {
      method: deliveryMethod.rest(c.delivery.method),
      pickupCode: orNone(c.delivery.pickupCode),
      trackingNumber: orNone(c.delivery.trackingNumber),
      address: orNone(c.delivery.address),
      deliveredAt: c.delivery.deliveredAt?.toISOString(),
      deliveredBy: orNone(c.delivery.deliveredBy),
    },
    documents: c.documents.map((d) => ({
      id: d.id,
      kind: documentKind.rest(d.kind),
      number: d.number,
      issuedAt: d.issuedAt?.toISOString(),
      issuedBy: d.issuedBy,
      sha256: d.sha256,
    })),
    history: c.history.map((h) => ({
      action: h.action,
      fromStatus: statusOrNone(h.fromStatus),
      toStatus: statusOrNone(h.toStatus),
      actor: h.actor,
      actorRole: orNone(h.actorRole),
      at: h.at?.toISOString(),
      reason: orNone(h.reason),
      documentIds: [...h.documentIds],
    })),
    responsible: orNone(c.responsible),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    submittedAt: c.submittedAt?.toISOString(),
    deemedAccepted: c.deemedAccepted,
    decidedOnTheSpot: c.decidedOnTheSpot,
    ...(c.payment
      ? {
          payment: {
            noticeId: c.payment.noticeId,
            noticeNumber: c.payment.noticeNumber,
            paymentCode: c.payment.paymentCode,
            totalFen: c.payment.totalFen,
            deadline: c.payment.deadline,
            state: paymentState.rest(c.payment.state),
            waits: c.payment.waits.map((w) => ({ from: w.from, ...(w.to ? { to: w.to } : {}) })),
          },
        }
      : {}),
  };
}

export function summaryToRest(s: applicationsV1.CaseSummary): CaseSummary {
  return {
    id: s.id,
    caseNumber: orNone(s.caseNumber),
    tenant: s.tenant,
    status: caseStatus.rest(s.status),
    itemName: s.itemName,
    handlingCategory: handlingCategory.rest(s.handlingCategory),
    department: s.department,
    windowId: orNone(s.windowId),
    applicantName: s.applicantName,
    submittedDate: orNone(s.submittedDate),
    ...timeLeftToRest(s),
    responsible: orNone(s.responsible),
    version: s.version,
    kinds: [...s.kinds],
  };
}

export function progressToRest(p: applicationsV1.QueryProgressResponse): Progress {
  return {
    caseNumber: p.caseNumber,
    itemName: p.itemName,
    status: caseStatus.rest(p.status),
    applicantName: p.applicantName,
    departmentName: orNone(p.departmentName),
    receivedDate: orNone(p.receivedDate),
    dueDate: orNone(p.dueDate),
    timeline: p.timeline.map((e) => ({ action: e.action, status: statusOrNone(e.status), at: e.at })),
  };
}

export function settingsToRest(s: applicationsV1.CaseSettings): CaseSettings {
  return {
    tenant: s.tenant,
    commonRules: s.commonRules.map((r) => ({ ...r, kind: ruleKind.rest(r.kind) })),
    counterNoticeWorkingDays: s.counterNoticeWorkingDays,
    extensionCenterReview: s.extensionCenterReview,
    hallClosesAt: s.hallClosesAt,
    version: s.version,
  };
}

export const ruleToProto = (r: PreReviewRuleInput): catalogueV1.PreReviewRule => ({
  id: r.id ?? '',
  kind: ruleKind.proto(r.kind),
  field: r.field ?? '',
  op: r.op ?? '',
  value: r.value ?? '',
  materialId: r.materialId ?? '',
  licenceType: r.licenceType ?? '',
  message: r.message ?? '',
});

/** Due date and days left of a list row or a case read; proto3 cannot tell an unset int32 from 0: the days left
 * mean something only while the clock runs. */
export function timeLeftToRest(s: { dueDate: string; workingDaysLeft: number; clockRunning: boolean }): {
  dueDate?: string;
  workingDaysLeft?: number;
  clockRunning: boolean;
} {
  return {
    dueDate: orNone(s.dueDate),
    workingDaysLeft: s.clockRunning ? s.workingDaysLeft : undefined,
    clockRunning: s.clockRunning,
  };
}
