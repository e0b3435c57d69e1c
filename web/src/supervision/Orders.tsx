import { Link } from 'react-router';
import { Button, Segmented, Select, Tag } from 'antd';
import { api, call } from '../shared/api';
import { dateTime } from '../shared/format';
import { usePaged, type Page } from '../shared/states';
import { FilteredList, useAddressFilters } from './FilteredList';
import { ORDER_STATE_COLORS, ORDER_STATE_NAMES, ORDER_TARGET_KIND_NAMES } from './labels';
import type { Order } from './types';

const STATE_OPTIONS = Object.entries(ORDER_STATE_NAMES).map(([value, label]) => ({ value, label }));

/** An order is a matter of its own (ADR 0044): its id is its matter's, `ord-…`. */
const isOrderMatter = (matterId: string) => matterId.startsWith('ord-');

async function ordersPage(state: Order['state'] | undefined, pageToken?: string): Promise<Page<Order>> {
  const page = await call(
    api.GET('/api/v1/supervision/orders', {
      params: { query: { state, includeSubordinates: true, pageSize: 50, pageToken } },
    }),
  );
  return { items: page.orders, total: page.total, nextPageToken: page.nextPageToken };
}

/**
 * The overdue orders: an order past its deadline carries an active 黄牌 on its own clock (never 红牌, ADR 0044), so they
 * are the orders of the active signals at 黄牌 or above on order matters, read one by one (the list RPC has no such
 * filter; a page of signals names at most 50).
 */
async function overduePage(state: Order['state'] | undefined, pageToken?: string): Promise<Page<Order>> {
  const signals = await call(
    api.GET('/api/v1/supervision/signals', {
      params: { query: { activeOnly: true, minLevel: 'yellow', includeSubordinates: true, pageSize: 50, pageToken } },
    }),
  );
  const ids = [...new Set(signals.signals.map((s) => s.matterId).filter(isOrderMatter))];
  const orders = await Promise.all(
    ids.map((id) => call(api.GET('/api/v1/supervision/orders/{id}', { params: { path: { id } } }))),
  );
  const items = orders.map((o) => o.order).filter((o) => !state || o.state === state);
  return { items, total: items.length, nextPageToken: signals.nextPageToken };
}

/** 督办: the orders, newest first, by state and overdue (in the address: ?state=issued&overdue=1). */
export default function Orders() {
  const [params, set] = useAddressFilters();
  const state = (params.get('state') ?? undefined) as Order['state'] | undefined;
  const overdue = params.get('overdue') === '1';
  const paged = usePaged(
    (pageToken) => (overdue ? overduePage(state, pageToken) : ordersPage(state, pageToken)),
    [state, overdue],
  );
  return (
    <FilteredList<Order>
      title="督办"
      paged={paged}
      emptyText={overdue ? '没有超期的督办事项' : '没有督办事项'}
      filters={
        <>
          <Segmented
            aria-label="是否超期"
            value={overdue ? 'overdue' : 'all'}
            options={[
              { value: 'all', label: '全部' },
              { value: 'overdue', label: '已超期' },
            ]}
            onChange={(v) => set('overdue', v === 'overdue' ? '1' : undefined)}
          />
          <Select
            aria-label="督办状态"
            allowClear
            placeholder="全部状态"
            style={{ minWidth: 140 }}
            value={state}
            options={STATE_OPTIONS}
            onChange={(v) => set('state', v)}
          />
          <Link to="/orders/new">
            <Button type="primary">发出督办</Button>
          </Link>
        </>
      }
      columns={[
        { title: '督办事由', render: (_, o) => <Link to={`/orders/${o.id}`}>{o.subject}</Link> },
        { title: '对象', render: (_, o) => `${ORDER_TARGET_KIND_NAMES[o.targetKind]} ${o.targetId}` },
        { title: '责任部门', dataIndex: 'responsibleDepartment' },
        { title: '责任人', render: (_, o) => o.responsiblePerson ?? '部门负责人' },
        { title: '期限', render: (_, o) => `${o.deadlineWorkingDays} 个工作日` },
        { title: '发出', render: (_, o) => dateTime(o.issuedAt) },
        {
          title: '状态',
          render: (_, o) => <Tag color={ORDER_STATE_COLORS[o.state]}>{ORDER_STATE_NAMES[o.state]}</Tag>,
        },
      ]}
    />
  );
}
