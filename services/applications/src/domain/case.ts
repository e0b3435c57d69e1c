import type { CaseStatusCode } from '@govhall/labels';
/**
 * The case (办件) aggregate: one applicant's request for one item edition, from draft to archive. Field names
 * follow govhall.applications.v1.Case; enums use the proto's one text spelling (enumSpelling: `processing`,
 * `pre_review_passed` …). Dates of the tenant's calendar are YYYY-MM-DD strings; instants are Dates.
 */
/** The case's states: the codes @govhall/labels names (one list for the service, the gateway and the web). */
export type CaseStatus = CaseStatusCode;

export type HandlingCategory = 'immediate' | 'promised' | 'joint' | 'escalated';
export type Channel = 'online' | 'counter';
export type ApplicantKind = 'natural_person' | 'legal_person' | 'other_organisation';
export type Outcome = 'approved' | 'denied';
export type DeliveryMethod = 'window_pickup' | 'post' | 'electronic';
export type StepState = 'pending' | 'active' | 'done' | 'skipped';
export type ExtensionState = 'requested' | 'head_approved' | 'approved' | 'rejected';
export type DocumentKind =
  | 'application_copy'
  | 'acceptance_notice'
  | 'one_time_notice'
  | 'refusal_notice'
  | 'decision'
  | 'licence'
  | 'suspension_notice'
  | 'extension_notice';

export interface Applicant {
  kind: ApplicantKind;
  /** Identity's id of the natural or legal person. */
  personId: string;
  name: string;
  /** 居民身份证号码 or 统一社会信用代码 (full; masked by the views that need it). */
  idCode: string;
  /** Keycloak subject of the natural person applying, or of the agent. */
  subject: string;
  agentPersonId: string;
  agentName: string;
  agentSubject: string;
  agentGrantId: string;
}

export interface Contact {
  mobile: string;
  email: string;
}

export interface CaseFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

export interface LicenceCitation {
  licenceId: string;
  licenceNumber: string;
  licenceType: string;
  holderName: string;
  validUntil?: Date;
  checkedAt?: Date;
  valid: boolean;
}

export interface ProvidedMaterial {
  materialId: string;
  name: string;
  required: boolean;
  files: CaseFile[];
  licence?: LicenceCitation;
}

export interface Problem {
  ruleId: string;
  field: string;
  materialId: string;
  message: string;
}

export interface Correction {
  field: string;
  materialId: string;
  note: string;
  recordedBy: string;
  at: Date;
}

export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  number: string;
  issuedAt: Date;
  issuedBy: string;
  sha256: string;
}

export interface SkippedDay {
  date: string;
  reason: string;
}

export interface Deadline {
  dueDate: string;
  startDate: string;
  limitWorkingDays: number;
  extensionWorkingDays: number;
  suspendedWorkingDays: number;
  provisional: boolean;
  skipped: SkippedDay[];
  explanation: string;
}

export interface Clocks {
  receivedDate: string;
  acceptedDate: string;
  promised?: Deadline;
  statutory?: Deadline;
  noticeDueDate: string;
}

export interface CaseStep {
  index: number;
  name: string;
  role: string;
  budgetWorkingDays: number;
  department: string;
  state: StepState;
  startedAt?: Date;
  finishedAt?: Date;
  dueDate: string;
  handledBy: string;
  opinion: string;
}

export interface Suspension {
  procedure: string;
  reason: string;
  plannedWorkingDays: number;
  startedDate: string;
  endedDate: string;
  suspendedWorkingDays: number;
  startedBy: string;
}

export interface Extension {
  workingDays: number;
  reason: string;
  state: ExtensionState;
  requestedBy: string;
  headApprovedBy: string;
  centerReviewedBy: string;
  rejectedReason: string;
}

export interface Decision {
  outcome: Outcome;
  reasons: string[];
  remedies: string[];
  decidedBy: string;
  decidedAt: Date;
}

export interface Delivery {
  method: DeliveryMethod;
  pickupCode: string;
  trackingNumber: string;
  address: string;
  deliveredAt?: Date;
  deliveredBy: string;
}

/** The state of the case's payment notice (收缴分离), as the payments service reported it. */
export type PaymentState = 'due' | 'paid' | 'waived' | 'cancelled';

/** A period the case waited for the applicant's payment: [from, to) in the tenant's dates, `to` '' while waiting. */
export interface PaymentWait {
  from: string;
  to: string;
}

/**
 * The case's payment notice, mirrored from govhall.payments.notice (the payments service owns it; no one here marks
 * it paid). Amounts in fen (integers).
 */
export interface CasePayment {
  noticeId: string;
  noticeNumber: string;
  paymentCode: string;
  totalFen: number;
  /** 缴款期限, YYYY-MM-DD. */
  deadline: string;
  state: PaymentState;
  waits: PaymentWait[];
}

export interface HistoryEntry {
  action: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  actor: string;
  actorRole: string;
  at: Date;
  reason: string;
  documentIds: string[];
}

export interface Case {
  id: string;
  caseNumber: string;
  tenant: string;
  status: CaseStatus;
  /** Aggregate version: 1 at creation, +1 on every change (optimistic concurrency). */
  version: number;
  channel: Channel;
  itemId: string;
  itemName: string;
  itemBasicCode: string;
  itemEdition: number;
  handlingCategory: HandlingCategory;
  department: string;
  windowId: string;
  applicant: Applicant;
  contact: Contact;
  /** JSON text of the form data. */
  formData: string;
  materials: ProvidedMaterial[];
  uploadComplete: boolean;
  problems: Problem[];
  corrections: Correction[];
  clocks: Clocks;
  steps: CaseStep[];
  suspensions: Suspension[];
  extension?: Extension;
  decision?: Decision;
  licenceId: string;
  delivery?: Delivery;
  /** The payment notice of an approved case whose item charges fees (payment.ts). */
  payment?: CasePayment;
  documents: CaseDocument[];
  history: HistoryEntry[];
  responsible: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt?: Date;
  deemedAccepted: boolean;
  decidedOnTheSpot: boolean;
  /** Username of whoever opened the case (the applicant online, the clerk at the counter). */
  createdBy: string;
  /** Idempotency keys of the submissions made (a repeated SubmitCase with one of them returns the case as is). */
  submitKeys: string[];
}

/** Statuses in which the case can no longer change (except ARCHIVED's own archive act). */
export const TERMINAL: readonly CaseStatus[] = ['archived', 'not_accepted', 'voided', 'withdrawn'];
