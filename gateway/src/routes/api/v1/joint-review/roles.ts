import { STAFF_ROLES, type Role } from '@govhall/auth';

/*
 * Roles at the edge for the joint-review routes (joint_review_service.proto says who may call each RPC). The edge
 * checks the role only; the joint-review service checks the tenant, the department, who leads and who is assigned,
 * and answers what the caller may not see as 404.
 */

/** Staff who take part in a joint review: the lead's and the co-departments' window clerks, reviewers and heads. */
export const PARTICIPANTS: readonly Role[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

/** Reads of a review and of a department's tasks: participants, the center and supervisors. */
export const REVIEW_READERS: readonly Role[] = [...PARTICIPANTS, 'center_admin', 'supervisor'];

/** Uploading an attachment for a later act: participants and the center (the service checks the tenant). */
export const UPLOADERS: readonly Role[] = [...PARTICIPANTS, 'center_admin'];

/** The shared view of a joint case (J14): participants and the center; supervisors read the review only. */
export const SHARED_VIEW_READERS: readonly Role[] = [...PARTICIPANTS, 'center_admin'];

/** Joint meetings are convened, moved, minuted and concluded by the center. */
export const CENTER: readonly Role[] = ['center_admin'];

/** A department's position in a meeting: its head or approver, or the center for it. */
export const POSITION_RECORDERS: readonly Role[] = ['center_admin', 'department_head', 'approver'];

/**
 * Projects (J20): any staff of the tenant may be a project's 代办员, and staff and supervisors read projects; the
 * service checks the tenant and who is the 代办员.
 */
export const PROJECT_STAFF: readonly Role[] = STAFF_ROLES;

/** The investor (the legal person's holder, or its agent naming it) reads its own projects' progress. */
export const INVESTOR: readonly Role[] = ['applicant'];

/** A project's progress: staff of the tenant, and the investor. */
export const PROGRESS_READERS: readonly Role[] = [...PROJECT_STAFF, ...INVESTOR];

/**
 * Delegated acceptance (代受理, J7): staff of the tenant read agreements and delegated cases (the service narrows to
 * the accepting window's clerks and the entrusting department); the center writes agreements; the comprehensive
 * window's clerk (or the center) transfers.
 */
export const DELEGATION_READERS: readonly Role[] = [...PARTICIPANTS, 'center_admin', 'supervisor'];
export const TRANSFERRERS: readonly Role[] = ['window_clerk', 'center_admin'];
/** J8 statistics: the center and supervisors for every department, a department head for their own. */
export const STATISTICS_READERS: readonly Role[] = ['center_admin', 'supervisor', 'department_head'];

/**
 * Escalations (上报件, J3/J4): the lower center's forwarding department (its window clerks, reviewers, approvers and
 * head) forwards, resupplies and follows up, and so may the lower tenant's center; the parent's target department
 * returns (also the parent's center) and reports; the service checks which side and department the caller is of.
 */
export const ESCALATION_SENDERS: readonly Role[] = [...PARTICIPANTS, 'center_admin'];

/** Returning for supplement: the parent's target department, or the parent's center. */
export const ESCALATION_RETURNERS: readonly Role[] = [...PARTICIPANTS, 'center_admin'];

/** Reporting progress and the §45 procedures: the parent's target department. */
export const ESCALATION_HANDLERS: readonly Role[] = PARTICIPANTS;

/** Deciding an escalated case: the target department's approver or head (window clerks and reviewers may not). */
export const ESCALATION_DECIDERS: readonly Role[] = ['approver', 'department_head'];

/**
 * Joint-review settings and flows (J9, J13): staff of the tenant and supervisors read; the center writes. The service
 * checks the tenant.
 */
export const SETTINGS_READERS: readonly Role[] = [...PARTICIPANTS, 'center_admin', 'supervisor'];
