import type { Principal } from '@govhall/auth';
import type { applicationsV1 } from '@govhall/proto';
import type {
  Case,
  CaseDocument,
  CaseFile,
  CasePayment,
  CaseStep,
  Clocks,
  Deadline,
  Decision,
  Delivery,
  Extension,
  LicenceCitation,
  ProvidedMaterial,
  Suspension,
} from '../../domain/case';
import { caseViewOf } from '../../usecases/case.policies';
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
} from './case-enums';

export function toProtoFile(f: CaseFile): applicationsV1.CaseFile {
  return { ...f };
}

export function toProtoCitation(l: LicenceCitation): applicationsV1.LicenceCitation {
  return { ...l };
}

function toProtoMaterial(m: ProvidedMaterial): applicationsV1.ProvidedMaterial {
  return {
    materialId: m.materialId,
    name: m.name,
    required: m.required,
    files: m.files.map(toProtoFile),
    licence: m.licence ? toProtoCitation(m.licence) : undefined,
  };
}

function toProtoDeadline(d: Deadline | undefined): applicationsV1.Deadline | undefined {
  return d ? { ...d, skipped: d.skipped.map((s) => ({ ...s })) } : undefined;
}

export function toProtoClocks(c: Clocks): applicationsV1.Clocks {
  return {
    receivedDate: c.receivedDate,
    acceptedDate: c.acceptedDate,
    promised: toProtoDeadline(c.promised),
    statutory: toProtoDeadline(c.statutory),
    noticeDueDate: c.noticeDueDate,
  };
}

export function toProtoStep(s: CaseStep): applicationsV1.CaseStep {
  return { ...s, state: stepState.toProto(s.state) };
}

export function toProtoSuspension(s: Suspension): applicationsV1.Suspension {
  return { ...s };
}

export function toProtoExtension(e: Extension): applicationsV1.Extension {
  return { ...e, state: extensionState.toProto(e.state) };
}

export function toProtoDecision(d: Decision): applicationsV1.Decision {
  return { ...d, outcome: outcome.toProto(d.outcome) };
}

export function toProtoPayment(p: CasePayment): applicationsV1.CasePayment {
  return { ...p, state: paymentState.toProto(p.state), waits: p.waits.map((w) => ({ ...w })) };
}

export function toProtoDelivery(d: Delivery): applicationsV1.Delivery {
  return { ...d, method: deliveryMethod.toProto(d.method) };
}

export function toProtoDocument(d: CaseDocument): applicationsV1.CaseDocument {
  return { ...d, kind: documentKind.toProto(d.kind) };
}

/**
 * The case as `viewer` sees it (caseViewOf decides): every RPC answering with a Case maps it here, so the staff view
 * never carries the applicant's pickup code. The caller has already passed READ_CASE (or acted on the case).
 */
export function caseView(c: Case, viewer: Principal): applicationsV1.Case {
  const whole = toProtoCase(c);
  if (caseViewOf(c, viewer) === 'applicant' || !whole.delivery) return whole;
  return { ...whole, delivery: { ...whole.delivery, pickupCode: '' } };
}

/** The whole case, nothing withheld; only caseView decides who gets it. */
function toProtoCase(c: Case): applicationsV1.Case {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    tenant: c.tenant,
    status: caseStatus.toProto(c.status),
    version: c.version,
    channel: channel.toProto(c.channel),
    itemId: c.itemId,
    itemName: c.itemName,
    itemBasicCode: c.itemBasicCode,
    itemEdition: c.itemEdition,
    handlingCategory: handlingCategory.toProto(c.handlingCategory),
    department: c.department,
    windowId: c.windowId,
    applicant: { ...c.applicant, kind: applicantKind.toProto(c.applicant.kind) },
    contact: { ...c.contact },
    formData: c.formData,
    materials: c.materials.map(toProtoMaterial),
    uploadComplete: c.uploadComplete,
    problems: c.problems.map((p) => ({ ...p })),
    corrections: c.corrections.map((x) => ({ ...x })),
    clocks: toProtoClocks(c.clocks),
    steps: c.steps.map(toProtoStep),
    suspensions: c.suspensions.map(toProtoSuspension),
    extension: c.extension ? toProtoExtension(c.extension) : undefined,
    decision: c.decision ? toProtoDecision(c.decision) : undefined,
    licenceId: c.licenceId,
    delivery: c.delivery ? toProtoDelivery(c.delivery) : undefined,
    payment: c.payment ? toProtoPayment(c.payment) : undefined,
    documents: c.documents.map(toProtoDocument),
    history: c.history.map((h) => ({
      ...h,
      fromStatus: caseStatus.toProto(h.fromStatus),
      toStatus: caseStatus.toProto(h.toStatus),
    })),
    responsible: c.responsible,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    submittedAt: c.submittedAt,
    deemedAccepted: c.deemedAccepted,
    decidedOnTheSpot: c.decidedOnTheSpot,
  };
}
