import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Alert, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { dateTime } from '../../shared/format';
import { HANDLING_CATEGORY, ITEM_KIND } from '../../shared/labels';
import { ApiError } from '../../shared/problem';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, Notice, useLoad } from '../../shared/states';
import { ITEM_STATUS, ITEM_STATUS_COLOR, type ItemRow, type ItemStatus } from './model';
import { NewItemButton } from './NewItem';
import { useCatalogueSession } from './session';

/**
 * Every item of the tenant with `status` (all statuses when none) and, with a keyword `q`, whose name contains it or
 * whose basic code starts with it (the catalogue filters), page after page.
 */
export async function listAll(tenant: string, status?: ItemStatus, q?: string): Promise<ItemRow[]> {
  const rows: ItemRow[] = [];
  let pageToken: string | undefined;
  do {
    const page = await call(
      api.GET('/api/v1/catalogue/items', {
        params: {
          query: {
            tenant,
            pageSize: 100,
            ...(status ? { status } : {}),
            ...(q ? { q } : {}),
            ...(pageToken ? { pageToken } : {}),
          },
        },
      }),
    );
    rows.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return rows;
}

/** The items table (also the review queue's): name (a link), code, edition, category, status, last change. */
export function ItemTable({ rows, linkTo }: { rows: ItemRow[]; linkTo: (row: ItemRow) => string }) {
  return (
    <Table
      rowKey="id"
      size="middle"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 860 }}
      dataSource={rows}
      columns={[
        {
          title: '事项名称',
          dataIndex: 'name',
          render: (name: string, row) => (
            <>
              <Link to={linkTo(row)}>{name}</Link>
              {row.status === 'retired' ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  已停用{row.retiredReason ? `：${row.retiredReason}` : ''}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        { title: '基本编码', dataIndex: 'basicCode' },
        { title: '事项类型', dataIndex: 'kind', render: (k: string) => ITEM_KIND[k] ?? k },
        { title: '版本', dataIndex: 'edition', render: (e: number) => `第 ${e} 版` },
        {
          title: '办件类型',
          dataIndex: 'handlingCategory',
          render: (c: ItemRow['handlingCategory']) => HANDLING_CATEGORY[c],
        },
        {
          title: '状态',
          dataIndex: 'status',
          render: (s: ItemStatus) => <Tag color={ITEM_STATUS_COLOR[s]}>{ITEM_STATUS[s]}</Tag>,
        },
        { title: '最后修改', dataIndex: 'updatedAt', render: (t: string) => dateTime(t) },
      ]}
    />
  );
}

const STATUS_CHOICES: { value: ItemStatus | 'all'; label: string }[] = [
  { value: 'all', label: '全部状态' },
  ...(Object.keys(ITEM_STATUS) as ItemStatus[]).map((s) => ({ value: s, label: ITEM_STATUS[s] })),
];

/** 事项目录: the tenant's items in every status, searched by name or code. */
export function ItemList() {
  const { tenant, canEdit } = useCatalogueSession();
  /** The draft the editor has just deleted (its name and edition), said once above the list. */
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const [status, setStatus] = useState<ItemStatus | 'all'>('all');
  const [typed, setTyped] = useState('');
  // The catalogue filters; a pause in typing sends the keyword.
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const rows = useLoad(
    () => (tenant ? listAll(tenant, status === 'all' ? undefined : status, q) : Promise.resolve([])),
    [tenant, status, q],
  );
  const shown = rows.data ?? [];
  const searchError = rows.error instanceof ApiError ? rows.error.problem.fields.q : undefined;

  if (!tenant) return <Notice title="无法确定所属地区" text="您的账号没有所属地区，请联系系统管理员。" />;
  return (
    <>
      <PageTitle title="事项目录" extra="本地区的政务服务事项：草稿、待审核和已发布的各个版本" />
      {deleted ? (
        <Alert type="success" showIcon role="status" message={`已删除草稿：${deleted}`} style={{ marginBottom: 16 }} />
      ) : null}
      {canEdit ? (
        <div style={{ marginBottom: 16 }}>
          <NewItemButton tenant={tenant} />
        </div>
      ) : null}
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item
          label="搜索事项"
          htmlFor="catalogue-search"
          validateStatus={searchError ? 'error' : undefined}
          help={searchError}
        >
          <Input.Search
            id="catalogue-search"
            allowClear
            maxLength={50}
            placeholder="事项名称或基本编码开头"
            loading={rows.loading && rows.data !== undefined}
            onSearch={(v) => {
              setTyped(v);
              setQ(v.trim());
            }}
            onChange={(e) => setTyped(e.target.value)}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label="状态" htmlFor="catalogue-status">
          <Select
            id="catalogue-status"
            value={status}
            onChange={setStatus}
            options={STATUS_CHOICES}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
      {searchError ? null : rows.error ? (
        <ErrorAlert error={rows.error} onRetry={rows.reload} />
      ) : rows.data === undefined ? (
        <Loading text="正在读取事项目录…" />
      ) : shown.length === 0 ? (
        <EmptyState text={q ? '没有找到符合条件的事项' : '暂无事项'} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">共 {shown.length} 条</Typography.Paragraph>
          <ItemTable rows={shown} linkTo={(r) => `/catalogue/${r.id}`} />
        </>
      )}
    </>
  );
}
