import type { Principal } from '@govhall/auth';
import type { WorkingCalendar } from '@govhall/calendar';
import type { Case, CaseDocument, CaseFile, CaseStatus, DocumentKind, HandlingCategory, Problem } from '../domain/case';
import type { CaseEvent } from '../domain/case-events';
import type { Edition } from '../domain/edition';

export interface CaseRepository {
  /**
   * Inserts a new case and its events in one document write. Returns the existing case instead when the
   * (createdBy, idempotencyKey) pair was used before (a retried OpenCase / RegisterWalkIn).
   */
  insert(
    c: Case,
    events: CaseEvent[],
    idempotencyKey: string,
    actor: Principal,
  ): Promise<{ case: Case; created: boolean }>;
  findById(id: string): Promise<Case | null>;
  findByCaseNumber(caseNumber: string): Promise<Case | null>;
  /**
   * Stores `next` if the case still has `expectedVersion`, with its events, in one document write; the stored
   * version is expectedVersion + 1 (ConcurrencyError otherwise). Returns the stored case. `actor` is undefined for
   * the service's own acts (deemed acceptance).
   */
  save(next: Case, expectedVersion: number, events: CaseEvent[], actor: Principal | undefined): Promise<Case>;
}

/** Case numbers: tenant region code + date + sequence, unique, made atomically (one writer per database). */
export interface CaseNumbers {
  next(tenant: string, date: string): Promise<string>;
}

/** The catalogue's published editions (pinned by id for the life of a case). */
export interface Editions {
  /** The edition, published or not (null when unknown); a case filed under it keeps reading it after it is superseded. */
  get(itemId: string): Promise<Edition | null>;
  /** The catalogue's answer now: a new case needs its edition published at this moment (not retired, not superseded). */
  current(itemId: string): Promise<Edition | null>;
}

/** The tenant's working-day calendar (statutory days plus the tenant's overrides from the catalogue). */
export interface Calendars {
  forTenant(tenant: string): Promise<WorkingCalendar>;
}

/** Files of materials, stored beside the cases (never in a web root). */
export interface CaseFiles {
  put(caseId: string, file: CaseFile, content: Buffer): Promise<void>;
  get(caseId: string, fileId: string): Promise<{ file: CaseFile; content: Buffer } | null>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}

/** Row-level filters the lists need, kept here so the adapters know what to index. */
export interface CaseListFilter {
  tenant: string;
  statuses?: readonly CaseStatus[];
  handlingCategory?: HandlingCategory;
}

/**
 * Issues a case document (acceptance notice, one-time notice, decision …): numbers it, renders it as a PDF with
 * Chinese fonts from the case as it will be stored, keeps the PDF beside the case, and returns what the case
 * records. `details` carries what the case does not hold yet (e.g. the problems of a notice being issued).
 */
export interface DocumentIssuer {
  issue(c: Case, kind: DocumentKind, issuedBy: string, details?: DocumentDetails): Promise<CaseDocument>;
  /** The stored PDF of a document of the case. */
  get(caseId: string, documentId: string): Promise<{ document: CaseDocument; pdf: Buffer; fileName: string } | null>;
}

/** Facts of the document being issued beyond the case itself (the case passed may not hold them yet). */
export interface DocumentDetails {
  reasons?: string[];
  remedies?: string[];
  /** The problems of a one-time notice (else the case's). */
  problems?: Problem[];
  /** The licence of a licence document or of an approval decision. */
  licenceId?: string;
  licence?: LicenceFacts;
  /** Extension notice: the due date before the extension and who approved it. */
  originalDeadline?: string;
  approvedBy?: string;
}

/** What a licence document prints. */
export interface LicenceFacts {
  name: string;
  number: string;
  validFrom: string;
  /** Empty = no expiry. */
  validUntil: string;
  verificationCode: string;
}
