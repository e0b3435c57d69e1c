import type { CaseSettings } from '../domain/case-settings';
import type { CaseCore } from './deps';
import type { CaseFiles } from './ports';
import type { ActingAnswer, ActingAuthority } from './handling.ports';

export type { ActingAnswer };

/** The caller as identity knows them (GetMyProfile with the caller's own token). */
export interface ApplicantProfile {
  personId: string;
  name: string;
  /** 居民身份证号码, in full (the person's own record). */
  idNumber: string;
  phone: string;
  subject: string;
}

/** A legal person (or other organisation) the caller holds or acts for. */
export interface OrganisationFacts {
  id: string;
  name: string;
  creditCode: string;
}

/** Identity, asked with the caller's own bearer token (`authorization` = "Bearer …"). */
export interface ApplicantDirectory extends ActingAuthority {
  /** The caller's natural-person record and the organisations they hold or act for; null for staff. */
  myProfile(authorization: string): Promise<{ person: ApplicantProfile; organisations: OrganisationFacts[] } | null>;
}

/** The window a submitted case goes to and who serves it (identity's windows and posts). */
export interface SubmissionWindows {
  /**
   * The window of `tenant` that accepts for `department` and its responsible clerk's username on `date`
   * (A post, B post when A is absent); null when no window serves the department.
   */
  serving(tenant: string, department: string, date: string): Promise<{ windowId: string; responsible: string } | null>;
}

/** Collection `case_settings`: one document per tenant; the defaults while none is stored. */
export interface CaseSettingsRepository {
  get(tenant: string): Promise<CaseSettings>;
  /** Stores `next` if the stored version is still `expectedVersion` (0: none stored); returns it with version+1. */
  save(next: CaseSettings, expectedVersion: number): Promise<CaseSettings>;
}

/** What declaration and settings use cases use beyond the core. */
export interface DeclarationDeps extends CaseCore {
  applicants: ApplicantDirectory;
  windows: SubmissionWindows;
  files: CaseFiles;
  settings: CaseSettingsRepository;
}
