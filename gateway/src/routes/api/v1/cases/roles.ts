import type { Role } from '@govhall/auth';

/*
 * Roles at the edge for the cases routes (applications_service.proto says who may call each RPC). The edge checks
 * the role only; the cases service checks the rest (the applicant or agent of this case, the window serving the
 * item, the department and role of the active step, the tenant) and answers a case the caller may not see as 404.
 */

/** Declaration: the applicant (a natural person, or the agent acting for a legal person or organisation). */
export const APPLICANTS: readonly Role[] = ['applicant'];

/** Material files: the applicant, and the case's window clerk in pre-review (scans at the counter). */
export const UPLOADERS: readonly Role[] = ['applicant', 'window_clerk'];

/** At the window: walk-in registration, corrections, one-time notice, pre-review, acceptance, on-the-spot decision. */
export const WINDOW_CLERKS: readonly Role[] = ['window_clerk'];

/** Handling: the staff of the case's department holding the active step's role (steps, suspension, extension
 * request, result, delivery, archive). */
export const HANDLERS: readonly Role[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

/** Extension review: the deciding department's head, then (per-tenant setting) the center. */
export const EXTENSION_REVIEWERS: readonly Role[] = ['department_head', 'center_admin'];

/** The decision (准予 / 不予): the department's approver. */
export const APPROVERS: readonly Role[] = ['approver'];

/** Tenant case settings are written by the center administrator (its staff may read them). */
export const SETTINGS_ADMINS: readonly Role[] = ['center_admin'];
