import type { Authorizer, Principal } from '@govhall/auth';
import type { Item, ItemStatus } from '../../domain/item';
import { READ_ITEMS, tenantViolations, throwIfInvalid } from '../items.policies';
import type { ItemRepository } from '../ports';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';

const STATUSES: readonly ItemStatus[] = ['draft', 'submitted', 'published', 'superseded', 'retired'];

export interface ListItemsQuery {
  tenant: string;
  /** Any status when absent. */
  status?: string;
  pageSize?: number;
  pageToken?: string;
}

/** Staff view of a tenant's items in every status, by basic code and edition. */
export function listItemsUseCase(deps: { items: ItemRepository; authorizer: Authorizer }) {
  return async (
    query: ListItemsQuery,
    actor: Principal,
  ): Promise<{ items: Item[]; total: number; nextPageToken: string }> => {
    const status = query.status as ItemStatus | undefined;
    throwIfInvalid([
      ...tenantViolations(query.tenant),
      ...(status === undefined || STATUSES.includes(status)
        ? []
        : [{ path: 'status', reason: 'ENUM', message: '事项状态应为草稿、待审核、已发布、已取代或已废止' }]),
    ]);
    deps.authorizer.ensure(actor, 'read', { type: 'item', tenant: query.tenant }, READ_ITEMS);
    const limit = pageSize(query.pageSize);
    const offset = decodePageToken(query.pageToken);
    const { items, total } = await deps.items.list(query.tenant, status, offset, limit);
    const next = offset + items.length;
    return { items, total, nextPageToken: next < total ? encodePageToken(next) : '' };
  };
}
