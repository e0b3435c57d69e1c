import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { SupervisionOrder } from '../../../domain/orders/supervision-order';
import { listedTenant } from '../../violations/violation.access';
import type { OrderFilter, OrderStore } from '../orders.ports';

export interface ListOrdersQuery extends OrderFilter {
  pageSize?: number;
  pageToken?: string;
}

const DEPARTMENT = /^[0-9A-Za-z-]{1,40}$/;

/** Orders of the caller's tenant (or one below it), optionally with the tenants below, newest first, paged. */
export function listOrdersUseCase(deps: { orders: OrderStore }) {
  return async (
    q: ListOrdersQuery,
    actor: Principal,
  ): Promise<{ orders: SupervisionOrder[]; nextPageToken: string }> => {
    if (q.responsibleDepartment && !DEPARTMENT.test(q.responsibleDepartment)) {
      throw new ValidationError([
        { path: 'responsibleDepartment', reason: 'PATTERN', message: '责任部门代码格式不正确' },
      ]);
    }
    const limit = pageSize(q.pageSize);
    const offset = decodePageToken(q.pageToken);
    const tenant = listedTenant(actor, q.tenant);
    const page = await deps.orders.list({ ...q, tenant }, offset, limit + 1);
    const more = page.length > limit;
    return { orders: page.slice(0, limit), nextPageToken: more ? encodePageToken(offset + limit) : '' };
  };
}
