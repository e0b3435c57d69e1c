import { DEPARTMENT_SCOPED_ROLES, hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import type { Notice } from '../../domain/notices/notice';

/** Staff who read a tenant's notices (own tenant), and supervisors who also read the tenants below. */
const READING_STAFF: readonly Role[] = [
  'window_clerk',
  'reviewer',
  'approver',
  'department_head',
  'center_admin',
  'supervisor',
  'finance_reconciler',
];

export const noticeNotFound = (): NotFoundError => new NotFoundError('NOTICE_NOT_FOUND', '找不到该缴款通知书');

/** The applicant of the case, staff of its tenant, supervisors of the tenant and above. */
export function maySeeNotice(actor: Principal, notice: Notice): boolean {
  if (actor.kind === 'user' && hasAnyRole(actor, ['applicant']) && actor.subject === notice.applicantSubject) {
    return true;
  }
  const roles = READING_STAFF.filter((r) => actor.roles.includes(r));
  return roles.length > 0 && tenantScope(actor, roles, 'read', notice.tenant) !== undefined;
}

export function requireSeen(actor: Principal, notice: Notice | null): Notice {
  if (!notice || !maySeeNotice(actor, notice)) throw noticeNotFound();
  return notice;
}

/** Staff of the tenant who may read its register and notices at all. */
export function requireTenantStaff(actor: Principal, tenant: string): void {
  const roles = READING_STAFF.filter((r) => actor.roles.includes(r));
  if (roles.length === 0) throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员可以查看收费信息');
  if (!tenantScope(actor, roles, 'read', tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权查看其他地区的收费信息');
  }
}

/** A department's member of staff (window clerk, reviewer, approver, head) of the tenant: answers the department. */
export function requireDepartmentStaff(actor: Principal, tenant: string): string {
  if (actor.kind !== 'user' || !hasAnyRole(actor, DEPARTMENT_SCOPED_ROLES) || !actor.department) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有执收部门的工作人员可以核定收费');
  }
  if (actor.tenant !== tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权核定其他地区的收费');
  return actor.department;
}
