import type { Licence } from '../domain/licence';

/** The e-licence library (collection `licences`). */
export interface LicenceLibrary {
  /** Next sequence of the tenant's licences of one basic code in a year (atomic). */
  nextSequence(tenant: string, basicCode: string, year: number): Promise<number>;
  /**
   * Stores the licence of a case; a case has at most one, so a retry after a failure returns the licence stored
   * the first time instead of a second one.
   */
  insertForCase(licence: Licence): Promise<Licence>;
  findByCase(caseId: string): Promise<Licence | null>;
  findByNumber(licenceNumber: string): Promise<Licence | null>;
  findByVerificationCode(code: string): Promise<Licence | null>;
  /** Departments that issued licences to a legal person or organisation (for the acting check per department). */
  departmentsOfHolder(holderPersonId: string): Promise<string[]>;
  /** A holder's licences, newest first; by the natural person's subject or the legal person's id. */
  listByHolder(
    holder: { subject: string } | { personId: string; departments: readonly string[] },
    page: { offset: number; limit: number },
  ): Promise<{ licences: Licence[]; total: number }>;
}

/** Secrets handed to people: the licence verification code (12 Crockford base32) and the pickup code (6 digits). */
export interface SecretCodes {
  verificationCode(): string;
  pickupCode(): string;
}

/** The tenant's case settings this area reads (owned by the settings use cases; defaults when none are stored). */
export interface HandlingSettings {
  /** Decision 2: the center reviews an extension after the department head (default true). */
  extensionCenterReview(tenant: string): Promise<boolean>;
}

/** Identity's answer to "may the caller act for this legal person here" (allowed=false carries why). */
export interface ActingAnswer {
  allowed: boolean;
  grantId: string;
  /** NO_GRANT, GRANT_REVOKED, GRANT_EXPIRED, OUTSIDE_SCOPE, ACCOUNT_DISABLED; HOLDER when the caller holds it. */
  reason: string;
  message: string;
}

/**
 * identity's acting check (CheckActingAuthority), asked with the caller's own bearer token (`authorization` =
 * "Bearer …"): OpenCase for an agent, ListMyLicences for a legal person (one port, ApplicantDirectory extends it).
 */
export interface ActingAuthority {
  checkActing(
    authorization: string,
    question: { legalPersonId: string; department: string; itemCode: string },
  ): Promise<ActingAnswer>;
}

/** What the handling and licence use cases use beyond the core (composed into CaseCore.handling). */
export interface HandlingPorts {
  licences: LicenceLibrary;
  codes: SecretCodes;
  settings: HandlingSettings;
  acting: ActingAuthority;
}
