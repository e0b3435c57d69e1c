import { hasAnyRole, type Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, NotFoundError } from '@govhall/errors';
import type { Escalation, EscalationChange } from '../../domain/escalations/escalation';
import { DEPARTMENT_STAFF, isCenter, isSupervisorOf } from '../reviews/review.access';
import type { EscalationRepository } from './escalation.ports';

export const escalationNotFound = (): NotFoundError => new NotFoundError('ESCALATION_NOT_FOUND', '找不到该上报件');

/** Staff of the record's department in its tenant (the forwarding department, or the parent's handling one). */
export function isOwningStaff(actor: Principal, e: Escalation): boolean {
  return (
    actor.kind === 'user' &&
    actor.tenant === e.tenant &&
    actor.department === e.department &&
    hasAnyRole(actor, DEPARTMENT_STAFF)
  );
}

/** The owning side's staff and center, and supervisors of the record's tenant and the tenants above it, read it. */
export function maySeeEscalation(actor: Principal, e: Escalation): boolean {
  return isOwningStaff(actor, e) || isCenter(actor, e.tenant) || isSupervisorOf(actor, e.tenant);
}

/** Who may act on a record: its department's staff or the center of its tenant; anyone else learns nothing. */
export function requireActor(actor: Principal, e: Escalation, side: Escalation['side']): void {
  if (e.side !== side || !maySeeEscalation(actor, e)) throw escalationNotFound();
  if (!isOwningStaff(actor, e) && !isCenter(actor, e.tenant)) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有本部门工作人员或政务服务中心管理员可以办理该上报件');
  }
}

/** Deciding is the parent's approvers' and department heads' (window clerks and reviewers may not decide). */
export function requireDecider(actor: Principal, e: Escalation): void {
  requireActor(actor, e, 'receiver');
  if (!isOwningStaff(actor, e) || !hasAnyRole(actor, ['approver', 'department_head'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有本部门的审批人员或部门负责人可以作出决定');
  }
}

/**
 * The transfer from a lower deployment: a service account of the parent tenant, bound to the target department or
 * a center account (no department, ADR 0053).
 */
export function requireTransferAccount(actor: Principal, targetTenant: string, targetDepartment: string): void {
  if (actor.kind !== 'service' || !hasAnyRole(actor, ['service'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有上级中心的服务账号可以办理上报件的交换');
  }
  if (actor.tenant !== targetTenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '服务账号不属于上报的目标地区');
  if (actor.department && targetDepartment && actor.department !== targetDepartment) {
    throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '服务账号不属于上报的目标部门');
  }
}

/** A transfer call on an existing receiver record: the account must reach the record's tenant and department. */
export function requireTransferOn(actor: Principal, e: Escalation | null): Escalation {
  if (!e || e.side !== 'receiver' || actor.tenant !== e.tenant) throw escalationNotFound();
  requireTransferAccount(actor, e.tenant, e.department);
  return e;
}

/** A write on a record read at `expectedVersion`; `check` refuses who may not act before the version is compared. */
export async function writeEscalation(
  escalations: EscalationRepository,
  id: string,
  expectedVersion: number,
  actor: Principal,
  check: (e: Escalation) => void,
  act: (e: Escalation) => Promise<EscalationChange> | EscalationChange,
): Promise<Escalation> {
  const e = id ? await escalations.findById(id) : null;
  if (!e) throw escalationNotFound();
  check(e);
  if (e.version !== expectedVersion) throw new ConcurrencyError('该上报件已被他人修改，请刷新后重试');
  const change = await act(e);
  return escalations.save(change.escalation, expectedVersion, change.events, actor);
}
