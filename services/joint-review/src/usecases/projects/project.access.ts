import { decide, hasAnyRole, STAFF_ROLES, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import type { Project } from '../../domain/projects/project';

export const projectNotFound = (): NotFoundError => new NotFoundError('PROJECT_NOT_FOUND', '找不到该项目');

/** Staff of the tenant (people, any staff role). */
export function isStaffOf(actor: Principal, tenant: string): boolean {
  return actor.kind === 'user' && actor.tenant === tenant && hasAnyRole(actor, STAFF_ROLES);
}

export function isCenterAdmin(actor: Principal, tenant: string): boolean {
  return actor.kind === 'user' && actor.tenant === tenant && hasAnyRole(actor, ['center_admin']);
}

/** Supervisors of the tenant or of a tenant above it. */
export function supervises(actor: Principal, tenant: string): boolean {
  return (
    actor.kind === 'user' &&
    hasAnyRole(actor, ['supervisor']) &&
    decide(actor, 'read', { type: 'supervision', tenant }, { roles: ['supervisor'] }).allowed
  );
}

/** Staff and supervisors read a project; anyone else is told it does not exist. */
export function requireReader(actor: Principal, project: Project): void {
  if (!isStaffOf(actor, project.tenant) && !supervises(actor, project.tenant)) throw projectNotFound();
}

/** The center administrator of the tenant; other staff are refused, anyone else does not see the project. */
export function requireCenterAdmin(actor: Principal, project: Project): void {
  requireReader(actor, project);
  if (!isCenterAdmin(actor, project.tenant)) {
    throw new ForbiddenError('CENTER_ADMIN_REQUIRED', '只有中心管理员可以执行此操作');
  }
}

/** The project's 代办员 or the center administrator (J20: the agent keeps the project's cases together). */
export function requireAgentOrAdmin(actor: Principal, project: Project): void {
  requireReader(actor, project);
  const agent = actor.kind === 'user' && !!project.agent && actor.username === project.agent.username;
  if (!agent && !isCenterAdmin(actor, project.tenant)) {
    throw new ForbiddenError('NOT_PROJECT_AGENT', '只有本项目的代办员或中心管理员可以执行此操作');
  }
}
