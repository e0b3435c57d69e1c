import { hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';

/** Who reads the reconciliation: the finance reconciler, the center administrator and supervisors (and above). */
const READERS: readonly Role[] = ['finance_reconciler', 'center_admin', 'supervisor'];

/** The finance reconciler of the tenant: imports statements and settles mismatches. */
export function requireReconciler(actor: Principal, tenant: string): void {
  if (actor.kind !== 'user' || !hasAnyRole(actor, ['finance_reconciler'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有财务对账人员可以导入对账单或处理对账差异');
  }
  if (tenantScope(actor, ['finance_reconciler'], 'write', tenant) !== 'OWN_TENANT') {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权处理其他地区的对账');
  }
}

export function requireReconciliationReader(actor: Principal, tenant: string): void {
  const roles = READERS.filter((r) => actor.roles.includes(r));
  if (roles.length === 0)
    throw new ForbiddenError('ROLE_REQUIRED', '只有财务对账人员、中心管理员和监督人员可以查看对账');
  if (!tenantScope(actor, roles, 'read', tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权查看其他地区的对账');
  }
}
