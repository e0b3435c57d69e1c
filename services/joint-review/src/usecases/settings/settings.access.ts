import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { ItemFacts } from '../ports';
import { DEPARTMENT_STAFF, isSupervisorOf } from '../reviews/review.access';
import type { SettingsDeps } from './settings.ports';

const TENANT = /^\d{6}(\d{3}(\d{3})?)?$/;

/** The tenant the request names (empty: the caller's); a malformed code is refused. */
export function requestedTenant(tenant: string, actor: Principal): string {
  if (tenant && !TENANT.test(tenant)) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }]);
  }
  return tenant || actor.tenant;
}

/** Staff of the tenant (and its center) read its settings and flows, as do supervisors of it or above. */
export function requireSettingsReader(actor: Principal, tenant: string): void {
  const staff =
    actor.kind === 'user' && actor.tenant === tenant && hasAnyRole(actor, [...DEPARTMENT_STAFF, 'center_admin']);
  if (staff || isSupervisorOf(actor, tenant)) return;
  if (tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的联办设置');
  throw new ForbiddenError('ROLE_REQUIRED', '您没有查看联办设置的权限');
}

/** Only the tenant's center (center_admin of the tenant) changes its settings and flows. */
export function requireSettingsAdmin(actor: Principal, tenant: string): void {
  if (actor.kind === 'user' && hasAnyRole(actor, ['center_admin']) && actor.tenant !== tenant) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能修改其他地区的联办设置');
  }
  if (actor.kind !== 'user' || actor.tenant !== tenant || !hasAnyRole(actor, ['center_admin'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有政务服务中心管理员可以修改联办设置');
  }
}

/**
 * The item series at the tenant, as its first edition's guide tells it (the series id is the first edition's id):
 * ITEM_NOT_FOUND when the tenant has no such series, NOT_A_JOINT_ITEM when it is not 联办件.
 */
export async function jointItemOfSeries(
  deps: Pick<SettingsDeps, 'items'>,
  tenant: string,
  itemSeriesId: string,
): Promise<ItemFacts> {
  if (!itemSeriesId.trim()) {
    throw new ValidationError([{ path: 'itemSeriesId', reason: 'REQUIRED', message: '请指定事项' }]);
  }
  const item = await deps.items.get(itemSeriesId);
  if (!item || item.seriesId !== itemSeriesId || item.tenant !== tenant) {
    throw new NotFoundError('ITEM_NOT_FOUND', '本地区没有该事项');
  }
  if (item.joint === false) throw new PreconditionError('NOT_A_JOINT_ITEM', '该事项不是联办件，不能设置联办流程');
  return item;
}
