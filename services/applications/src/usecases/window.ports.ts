import type { Violation } from '@govhall/errors';
import type { Case } from '../domain/case';

/**
 * Ports of the window area (walk-in registration, pre-review, acceptance). The caller's bearer token is passed
 * through to identity, which decides what the clerk may see there.
 */
export interface Caller {
  authorization?: string;
}

/** A window of the hall as identity describes it. */
export interface HallWindow {
  id: string;
  tenant: string;
  /** e.g. A03 */
  number: string;
  name: string;
  department: string;
  servesDepartments: string[];
}

export type ResponsibilityBasis = 'a_post' | 'b_post' | 'department_head' | 'center_admin' | '';

/** Who serves a window's queue on a day (identity's GetWindowResponsible). */
export interface WindowResponsibility {
  window: HallWindow;
  date: string;
  /** Username (login) of the responsible person; '' when nobody is. */
  username: string;
  displayName: string;
  basis: ResponsibilityBasis;
}

export interface WindowDirectory {
  /** Null when identity knows no such window (or the caller may not see it). */
  responsible(windowId: string, date: string, caller: Caller): Promise<WindowResponsibility | null>;
  /** The tenant's windows (public hall information). */
  windowsOf(tenant: string): Promise<HallWindow[]>;
  /** The parent tenant's region code; '' for a root tenant. */
  parentTenant(tenant: string): Promise<string>;
}

/** A registered applicant found by a window clerk (identity's FindApplicant). */
export type FoundApplicant =
  | {
      kind: 'natural';
      id: string;
      name: string;
      idNumber: string;
      subject: string;
      status: 'provisioning' | 'active' | 'disabled' | '';
    }
  | {
      kind: 'legal';
      id: string;
      name: string;
      creditCode: string;
      holderPersonId: string;
      holderSubject: string;
      grants: {
        id: string;
        agentPersonId: string;
        agentSubject: string;
        status: 'active' | 'revoked';
        scope: { allDepartments: boolean; departments: string[]; itemCodes: string[] };
        validUntil?: string;
      }[];
    };

export interface ApplicantFinder {
  /** Null when nobody registered with that ID number or credit code. */
  find(tenant: string, idCode: string, caller: Caller): Promise<FoundApplicant | null>;
}

/**
 * Server-side form validation against the edition's JSON Schema: violations with paths under `formData`.
 * TODO(issue 10): the declaration's full validator (SubmitCase) replaces the window's stand-in when it is on main.
 */
export interface FormValidator {
  validate(jsonSchema: string, formData: string): Violation[];
}

/** The tenant's case settings the window needs (CaseSettings; default 0 = the same visit, decision 1). */
export interface WindowSettings {
  counterNoticeWorkingDays(tenant: string): Promise<number>;
  /** The hall hours a walk-in's day of receipt is read with (CaseSettings.hallClosesAt). */
  hallHours(tenant: string): Promise<{ closesAt: string }>;
}

/** Online cases still in PRE_REVIEW whose one-time-notice day has passed (law §32), for the deemed-acceptance timer. */
export interface DeemedAcceptanceQueue {
  /** At most `limit` online cases in PRE_REVIEW whose notice day is `day` (YYYY-MM-DD): one indexed equality. */
  dueOn(day: string, limit: number): Promise<Case[]>;
  /**
   * At most `limit` online cases in PRE_REVIEW with a notice day before `today`, oldest first. On the local store
   * this decodes every online case waiting at a window (a range is not pushed down): the timer's start-up pass only.
   */
  overdue(today: string, limit: number): Promise<Case[]>;
}

/** What the window's use cases use beyond the core. */
export interface WindowPorts {
  windows: WindowDirectory;
  applicants: ApplicantFinder;
  forms: FormValidator;
  settings: WindowSettings;
  deemedQueue: DeemedAcceptanceQueue;
}
