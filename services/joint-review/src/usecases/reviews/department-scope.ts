import { decide, hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { DEPARTMENT_STAFF } from './review.access';

const TENANT = /^\d{6}(\d{3}(\d{3})?)?$/;

/**
 * Whose lists a caller reads (ListTasks, ListJointReviews): a department's staff and its own system their
 * department's; the center (center_admin) and supervisors any department of their tenant (supervisors also of the
 * tenants below), or all of them when they name none ('' department; staff must have one: REQUIRED). Another tenant: TENANT_OUT_OF_SCOPE; another
 * department: DEPARTMENT_OUT_OF_SCOPE. `what` names the list in the refusals.
 */
export function departmentScope(
  request: { tenant: string; department: string },
  actor: Principal,
  what: string,
): { tenant: string; department: string } {
  if (request.tenant && !TENANT.test(request.tenant)) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }]);
  }
  const tenant = request.tenant || actor.tenant || '';
  const overseer = hasAnyRole(actor, ['center_admin', 'supervisor']) && actor.kind === 'user';
  const worker = (actor.kind === 'user' && hasAnyRole(actor, DEPARTMENT_STAFF)) || hasAnyRole(actor, ['service']);
  if (!overseer && !worker) throw new ForbiddenError('ROLE_REQUIRED', `只有部门工作人员可以查看${what}`);
  const ownTenant = tenant === actor.tenant;
  const supervised =
    hasAnyRole(actor, ['supervisor']) &&
    decide(actor, 'read', { type: 'supervision', tenant }, { roles: ['supervisor'] }).allowed;
  if (!ownTenant && !supervised) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', `不能查看其他地区的${what}`);
  }
  const sees = (actor.kind === 'user' && hasAnyRole(actor, ['center_admin']) && ownTenant) || supervised;
  const department = request.department || (sees ? '' : actor.department || '');
  if (!sees && !department) {
    throw new ValidationError([{ path: 'department', reason: 'REQUIRED', message: '请指定部门' }]);
  }
  if (!sees && department !== actor.department) {
    throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', `只能查看本部门的${what}`);
  }
  return { tenant, department };
}
