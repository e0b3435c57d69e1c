import { STAFF_ROLES, type AccessPolicy, type Principal, type Role } from '@govhall/auth';
import type { LegalPerson, LegalPersonEvent } from '../domain/legal-person';
import type { NaturalPerson, NaturalPersonEvent } from '../domain/natural-person';

/** What a real-name verifier answers (the record keeps it, without `accepted`, with the time of the check). */
export interface RealNameResult {
  method: string;
  /** False: the check refused the data (a wrong check character, a name that does not match the register). */
  accepted: boolean;
  /** True only when a register confirmed the person or organisation; a format check alone never verifies. */
  verified: boolean;
  /** What was and was not checked, in Chinese. */
  note: string;
}

/**
 * Real-name verification (实名核验). The default checks format and check characters only
 * (adapters/verification/format-only.verifier.ts); a deployment with access to the public-security population
 * register or the market-regulation register plugs in a verifier that asks them.
 */
export interface RealNameVerifier {
  verifyNaturalPerson(input: { name: string; idNumber: string }): Promise<RealNameResult>;
  verifyLegalPerson(input: {
    name: string;
    creditCode: string;
    legalRepresentativeName: string;
  }): Promise<RealNameResult>;
}

/** A line of the staff's applicant list; `identifier` is the raw ID number or credit code (masked by the use case). */
export interface ApplicantRow {
  id: string;
  kind: 'natural' | 'legal';
  tenant: string;
  name: string;
  identifier: string;
  createdAt: Date;
}

export interface NaturalPersonRepository {
  /** Inserts a provisioning record without events. Returns false, writing nothing, when the ID number is taken. */
  insert(person: NaturalPerson): Promise<boolean>;
  findById(id: string): Promise<NaturalPerson | null>;
  findByIdNumber(idNumber: string): Promise<NaturalPerson | null>;
  findBySubject(subject: string): Promise<NaturalPerson | null>;
  /** Replaces the record if it still has `expectedVersion` and queues the events (ConcurrencyError otherwise). */
  update(next: NaturalPerson, expectedVersion: number, events: NaturalPersonEvent[], actor: Principal): Promise<void>;
  /** Compensation: removes a record still provisioning at `expectedVersion`; false when it changed meanwhile. */
  removeProvisioning(id: string, expectedVersion: number): Promise<boolean>;
  /** Provisioning records not touched since `updatedBefore`, at most 100. */
  findProvisioning(updatedBefore: Date): Promise<NaturalPerson[]>;
  /** The `limit` newest active persons of the tenant (newest first, then by id), and how many there are. */
  newestOfTenant(tenant: string, limit: number): Promise<{ rows: ApplicantRow[]; total: number }>;
}

export interface LegalPersonRepository {
  /** Inserts the record and its events in one write. Returns false, writing nothing, when the credit code is taken. */
  insert(legalPerson: LegalPerson, events: LegalPersonEvent[], actor: Principal): Promise<boolean>;
  findById(id: string): Promise<LegalPerson | null>;
  /** By 统一社会信用代码 (stored upper-case; unique). */
  findByCreditCode(creditCode: string): Promise<LegalPerson | null>;
  findByHolderSubject(subject: string): Promise<LegalPerson[]>;
  /** Legal persons with any grant (active or not) to this subject. */
  findByAgentSubject(subject: string): Promise<LegalPerson[]>;
  update(next: LegalPerson, expectedVersion: number, events: LegalPersonEvent[], actor: Principal): Promise<void>;
  newestOfTenant(tenant: string, limit: number): Promise<{ rows: ApplicantRow[]; total: number }>;
}

/** Staff roles that do not read applicants: finance reconciles payments, operations runs the platform. */
const NOT_APPLICANT_READERS: readonly Role[] = ['finance_reconciler', 'ops_admin'];

/** Staff who read applicants (natural and legal persons) of their tenant; supervision reaches descendants. */
export const APPLICANT_READERS: AccessPolicy = {
  roles: [...STAFF_ROLES.filter((r) => !NOT_APPLICANT_READERS.includes(r)), 'service'],
};

/**
 * Who disables an applicant's login: the center administrator of the person's own tenant (the tenant they
 * registered at). Not ops_admin: operations runs the platform and does not read applicants at all; not a
 * supervising center above, which only reads its descendants (writes stay with the tenant itself).
 */
export const DISABLE_APPLICANTS: AccessPolicy = { roles: ['center_admin'] };

/** Only a legal person's account holder authorises and revokes its agents. */
export const LEGAL_PERSON_HOLDER: AccessPolicy = { roles: [], owner: true };

/**
 * The items the catalogue publishes (the catalogue owns them): an agent grant may name only items of the legal
 * person's tenant (ADR 0014).
 */
export interface ItemCatalogue {
  /**
   * Those of `basicCodes` that `tenant` has a published item for (its own items, not a parent's). Throws
   * UnavailableError when the catalogue cannot answer: a grant is then refused, never stored unchecked.
   */
  existingItemCodes(tenant: string, basicCodes: readonly string[]): Promise<ReadonlySet<string>>;
}
