import { hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { Notice } from '../../domain/notices/notice';

/** Who may ask for a refund: the window, the department's head, the center administrator, finance. */
const REQUESTERS: readonly Role[] = ['window_clerk', 'department_head', 'center_admin', 'finance_reconciler'];

export function requireRefundRequester(actor: Principal, notice: Notice): void {
  if (!hasAnyRole(actor, REQUESTERS) || actor.tenant !== notice.tenant) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有本级窗口工作人员、部门负责人或财务人员可以申请退款');
  }
}

/** Refunds are decided by the tenant's finance reconcilers (财务对账人员). */
export function requireFinance(actor: Principal, tenant: string): void {
  if (!hasAnyRole(actor, ['finance_reconciler'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有财务人员可以审核退款');
  }
  if (actor.tenant !== tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权审核其他地区的退款');
}

/** Who reads the refund list: the tenant's finance and center administrator, supervisors of it and above. */
export function requireFinanceOrSupervisor(actor: Principal, tenant: string): void {
  const roles = (['finance_reconciler', 'center_admin', 'supervisor'] as const).filter((r) => actor.roles.includes(r));
  if (roles.length === 0) throw new ForbiddenError('ROLE_REQUIRED', '只有财务人员可以查看退款');
  if (!tenantScope(actor, roles, 'read', tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权查看其他地区的退款');
  }
}
