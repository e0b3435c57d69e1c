import { STAFF_ROLES, type AccessPolicy, type Authorizer, type Principal, type ResourceRef } from '@govhall/auth';
import { ConcurrencyError, NotFoundError, ValidationError, concealForbidden, type Violation } from '@govhall/errors';
import type { Item } from '../domain/item';
import type { ItemRepository } from './ports';

/** Drafts, submissions, new editions and retirement: the center administrator of the item's own tenant. */
export const WRITE_ITEMS: AccessPolicy = { roles: ['center_admin'] };
/** Center review (中心审核): a reviewer or center administrator of the tenant, whatever their department. */
export const REVIEW_ITEMS: AccessPolicy = { roles: ['center_admin', 'reviewer'], departmentScoped: [] };
/** Staff reads of any status: staff of the tenant; supervisors and center admins also of descendant tenants. */
export const READ_ITEMS: AccessPolicy = { roles: STAFF_ROLES };

/** Items belong to the tenant as a whole: every department's staff may read the catalogue. */
export function itemResource(item: Pick<Item, 'id' | 'tenant'>): ResourceRef {
  return { type: 'item', id: item.id, tenant: item.tenant };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const TENANT = /^(\d{6}|\d{9}|\d{12})$/;

export function idViolations(id: string, path = 'id'): Violation[] {
  return UUID.test(id) ? [] : [{ path, reason: 'PATTERN', message: '事项标识格式不正确' }];
}

export function idempotencyKeyViolations(key: string): Violation[] {
  if (IDEMPOTENCY_KEY.test(key)) return [];
  return [{ path: 'idempotencyKey', reason: 'PATTERN', message: '幂等键应为8至64位字母、数字、下划线或连字符' }];
}

export function tenantViolations(tenant: string): Violation[] {
  return TENANT.test(tenant) ? [] : [{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }];
}

/** Optimistic concurrency needs the version the caller read (versions start at 1). */
export function expectedVersionViolations(expectedVersion: number): Violation[] {
  if (Number.isInteger(expectedVersion) && expectedVersion >= 1) return [];
  return [
    {
      path: 'expectedVersion',
      reason: 'REQUIRED',
      message: '请提供读取时的版本号（expectedVersion），以免覆盖他人的修改',
    },
  ];
}

export function throwIfInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

const itemNotFound = () => new NotFoundError('ITEM_NOT_FOUND', '未找到该事项');

export async function requireItem(items: ItemRepository, id: string): Promise<Item> {
  const item = await items.findById(id);
  if (!item) throw itemNotFound();
  return item;
}

/**
 * The item, if `actor` may read it (READ_ITEMS). One they may not read, e.g. a draft of another tenant, is
 * ITEM_NOT_FOUND exactly like one that does not exist, for reads and writes alike; a write check comes after.
 */
export async function requireVisibleItem(
  deps: { items: ItemRepository; authorizer: Authorizer },
  id: string,
  actor: Principal,
): Promise<Item> {
  const item = await requireItem(deps.items, id);
  concealForbidden(() => deps.authorizer.ensure(actor, 'read', itemResource(item), READ_ITEMS), itemNotFound());
  return item;
}

/** The caller acted on what it read: someone else's change in between is refused before anything is decided. */
export function ensureVersion(item: Item, expectedVersion: number): void {
  if (item.version !== expectedVersion) throw new ConcurrencyError();
}
