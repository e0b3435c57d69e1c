import { decide, hasAnyRole, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import { participatingDepartments, type JointReview } from '../../domain/reviews/joint-review';
import type { Task } from '../../domain/tasks/task';

/** Staff who work a department's share of a joint case. */
export const DEPARTMENT_STAFF: Role[] = ['window_clerk', 'reviewer', 'approver', 'department_head'];

export function isParticipant(actor: Principal, review: JointReview): boolean {
  return (
    actor.kind === 'user' &&
    actor.tenant === review.tenant &&
    !!actor.department &&
    participatingDepartments(review).has(actor.department) &&
    hasAnyRole(actor, DEPARTMENT_STAFF)
  );
}

export function isCenter(actor: Principal, tenant: string): boolean {
  return actor.kind === 'user' && actor.tenant === tenant && hasAnyRole(actor, ['center_admin']);
}

/** Supervisors of the tenant or of a tenant above it read. */
export function isSupervisorOf(actor: Principal, tenant: string): boolean {
  return (
    hasAnyRole(actor, ['supervisor']) &&
    decide(actor, 'read', { type: 'supervision', tenant }, { roles: ['supervisor'] }).allowed
  );
}

export function maySee(actor: Principal, review: JointReview): boolean {
  return isParticipant(actor, review) || isCenter(actor, review.tenant) || isSupervisorOf(actor, review.tenant);
}

export const reviewNotFound = (): NotFoundError => new NotFoundError('JOINT_REVIEW_NOT_FOUND', '找不到该联办件');
export const taskNotFound = (): NotFoundError => new NotFoundError('TASK_NOT_FOUND', '找不到该审查任务');

/**
 * The lead (主办): an approver or department head of the lead department, or the window clerk serving the lead
 * window today (`leadWindowResponsible`). A participant who is not the lead is refused with NOT_LEAD; anyone else
 * does not see the review at all.
 */
export function requireLead(
  actor: Principal,
  review: JointReview,
  leadWindowResponsible: string,
  /** What an outsider is told: the object the request names (the review, or one of its tasks). */
  notFound: () => NotFoundError = reviewNotFound,
): void {
  if (!maySee(actor, review)) throw notFound();
  const ofLead = actor.kind === 'user' && actor.tenant === review.tenant && actor.department === review.leadDepartment;
  const lead =
    ofLead &&
    (hasAnyRole(actor, ['approver', 'department_head']) ||
      (hasAnyRole(actor, ['window_clerk']) && actor.username === leadWindowResponsible));
  if (!lead) throw new ForbiddenError('NOT_LEAD', '只有主办部门（主办窗口当班人员或部门负责人）可以执行此操作');
}

/**
 * A task is worked by staff of its department (a person) or the department's own system (a service account of
 * that department and tenant). Anyone else does not see it.
 */
export function requireTaskDepartment(actor: Principal, task: Task): void {
  const inDepartment = actor.tenant === task.tenant && actor.department === task.department;
  const staff = actor.kind === 'user' && hasAnyRole(actor, DEPARTMENT_STAFF);
  const system = actor.kind === 'service' && hasAnyRole(actor, ['service']);
  if (!inDepartment || !(staff || system)) throw taskNotFound();
}

/** Who a task's assignee is, spelled as legs and tasks spell it: a username, or "service:<client id>". */
export function workerName(actor: Principal): string {
  return actor.kind === 'service' ? `service:${actor.clientId}` : actor.username;
}

/** Whether the actor is a department head of the task's department (who may assign without asking identity). */
export function isDepartmentHead(actor: Principal, task: Task): boolean {
  return (
    actor.kind === 'user' &&
    actor.tenant === task.tenant &&
    actor.department === task.department &&
    hasAnyRole(actor, ['department_head'])
  );
}

/**
 * Who assigns a department's task: its department head, or its window lead (`windowLead`, J5: the person serving
 * the department's window today as identity answers it). Other staff of the department are refused.
 */
export function requireDepartmentLead(actor: Principal, task: Task, windowLead: string): void {
  const windowLeadOfDepartment =
    actor.kind === 'user' &&
    actor.tenant === task.tenant &&
    actor.department === task.department &&
    windowLead !== '' &&
    actor.username === windowLead;
  if (!isDepartmentHead(actor, task) && !windowLeadOfDepartment) {
    throw new ForbiddenError('NOT_DEPARTMENT_LEAD', '只有本部门负责人或窗口负责人可以分派审查任务');
  }
}

/** Whether a member of staff as identity knows them may work the department's tasks. */
export function isActiveDepartmentStaff(
  staff: { department: string; roles: string[]; active: boolean } | null,
  department: string,
): boolean {
  return (
    !!staff &&
    staff.active &&
    staff.department === department &&
    staff.roles.some((r) => (DEPARTMENT_STAFF as string[]).includes(r))
  );
}
