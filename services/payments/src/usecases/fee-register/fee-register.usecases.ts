import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { checkFeeItem, putFeeItem, type FeeItem, type FeeItemInput } from '../../domain/fee-items/fee-item';
import { requireTenantStaff } from '../access/payments.access';
import type { Clock, FeeItemRepository } from '../ports';

/** The tenant's register, by code: staff of the tenant (and supervisors above it) read it. */
export function listFeeItemsUseCase(deps: { feeItems: FeeItemRepository }) {
  return async (request: { tenant: string; includeRetired: boolean }, actor: Principal): Promise<FeeItem[]> => {
    const tenant = request.tenant || actor.tenant;
    requireTenantStaff(actor, tenant);
    return deps.feeItems.list(tenant, request.includeRetired);
  };
}

/** P11: the center administrator keeps the register (departments hand their fee items over to it). */
export function putFeeItemUseCase(deps: { feeItems: FeeItemRepository; clock: Clock }) {
  return async (request: { item: FeeItemInput; expectedVersion: number }, actor: Principal): Promise<FeeItem> => {
    const tenant = request.item.tenant || actor.tenant;
    if (!hasAnyRole(actor, ['center_admin']) || actor.tenant !== tenant) {
      throw new ForbiddenError('ROLE_REQUIRED', '只有本级政务服务中心管理员可以维护收费项目');
    }
    const { item, violations } = checkFeeItem({ ...request.item, tenant });
    if (violations.length > 0) throw new ValidationError(violations);
    const stored = putFeeItem(null, item, request.expectedVersion, actor.username, deps.clock.now());
    return deps.feeItems.put(stored, request.expectedVersion, actor);
  };
}
