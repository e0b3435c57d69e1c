import type { Authorizer, Principal } from '@govhall/auth';
import type { Item, ItemStatus } from '../../domain/item';
import { READ_ITEMS, tenantViolations, throwIfInvalid } from '../items.policies';
import type { ItemRepository } from '../ports';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';

const MAX_KEYWORD = 50;
const STATUSES: readonly ItemStatus[] = ['draft', 'submitted', 'published', 'superseded', 'retired'];

export interface ListItemsQuery {
  tenant: string;
  /** Any status when absent. */
  status?: string;
  /** Name contains it, or basic code starts with it; blank: no filter. */
  keyword?: string;
  pageSize?: number;
  pageToken?: string;
}

/** Staff view of a tenant's items in every status (or one; by a keyword), by basic code and edition. */
export function listItemsUseCase(deps: { items: ItemRepository; authorizer: Authorizer }) {
  return async (
    query: ListItemsQuery,
    actor: Principal,
  ): Promise<{ items: Item[]; total: number; nextPageToken: string }> => {
    const status = query.status as ItemStatus | undefined;
    const keyword = query.keyword?.trim() ?? '';
    throwIfInvalid([
      ...tenantViolations(query.tenant),
      ...(keyword.length <= MAX_KEYWORD
        ? []
        : [{ path: 'keyword', reason: 'MAX_LENGTH', message: `搜索关键词不能超过 ${MAX_KEYWORD} 个字` }]),
      ...(status === undefined || STATUSES.includes(status)
        ? []
        : [{ path: 'status', reason: 'ENUM', message: '事项状态应为草稿、待审核、已发布、已取代或已废止' }]),
    ]);
    deps.authorizer.ensure(actor, 'read', { type: 'item', tenant: query.tenant }, READ_ITEMS);
    const limit = pageSize(query.pageSize);
    const offset = decodePageToken(query.pageToken);
    const { items, total } = await deps.items.list(query.tenant, status, offset, limit, keyword || undefined);
    const next = offset + items.length;
    return { items, total, nextPageToken: next < total ? encodePageToken(next) : '' };
  };
}
