import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';

/** The one department of one tenant a department system's service account acts for. */
export interface SystemScope {
  tenant: string;
  department: string;
  /** How its acts are recorded: "service:<client id>". */
  account: string;
}

/**
 * DepartmentSystemService is for department systems only: a service account (role `service`) bound to a tenant and
 * a department. A person's token, or a center account bound to no department, is ROLE_REQUIRED.
 */
export function requireDepartmentSystem(actor: Principal): SystemScope {
  if (actor.kind !== 'service' || !hasAnyRole(actor, ['service']) || !actor.tenant || !actor.department) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有绑定部门的部门系统服务账号可以调用部门系统接口');
  }
  return { tenant: actor.tenant, department: actor.department, account: `service:${actor.clientId}` };
}

/**
 * The system's scope when a request names a tenant and a department (empty: the account's own): another tenant is
 * TENANT_OUT_OF_SCOPE, another department DEPARTMENT_OUT_OF_SCOPE.
 */
export function requireSystemScope(actor: Principal, named: { tenant: string; department: string }): SystemScope {
  const scope = requireDepartmentSystem(actor);
  if (named.tenant && named.tenant !== scope.tenant) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '部门系统只能办理本地区的任务');
  }
  if (named.department && named.department !== scope.department) {
    throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '部门系统只能办理本部门的任务');
  }
  return scope;
}
