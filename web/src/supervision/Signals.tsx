import { Link, useSearchParams } from 'react-router';
import { Segmented, Select, Space, Table, Tag } from 'antd';
import { api, call } from '../shared/api';
import { dateTime } from '../shared/format';
import { PageTitle } from '../shared/layout';
import { ErrorAlert, MoreButton, usePaged } from '../shared/states';
import { SIGNAL_COLORS, SIGNAL_NAMES } from './labels';
import type { Signal, SignalLevel } from './types';

const LEVEL_OPTIONS = (['warning', 'yellow', 'red'] as const).map((l) => ({
  value: l,
  label: `${SIGNAL_NAMES[l]}及以上`,
}));

/** 信号: active signals or the history, by level; the filters live in the address (?history=1&minLevel=red). */
export default function Signals() {
  const [params, setParams] = useSearchParams();
  const history = params.get('history') === '1';
  const minLevel = (params.get('minLevel') ?? undefined) as Exclude<SignalLevel, 'none'> | undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const paged = usePaged(
    async (pageToken) => {
      const page = await call(
        api.GET('/api/v1/supervision/signals', {
          params: { query: { activeOnly: !history, minLevel, includeSubordinates: true, pageSize: 50, pageToken } },
        }),
      );
      return { items: page.signals, total: page.total, nextPageToken: page.nextPageToken };
    },
    [history, minLevel],
  );
  return (
    <>
      <PageTitle title="信号" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="当前或历史"
          value={history ? 'history' : 'active'}
          options={[
            { value: 'active', label: '当前信号' },
            { value: 'history', label: '全部（含已解除）' },
          ]}
          onChange={(v) => set('history', v === 'history' ? '1' : undefined)}
        />
        <Select
          aria-label="信号等级"
          allowClear
          placeholder="全部等级"
          style={{ minWidth: 140 }}
          value={minLevel}
          options={LEVEL_OPTIONS}
          onChange={(v) => set('minLevel', v)}
        />
      </Space>
      {paged.first.error ? <ErrorAlert error={paged.first.error} onRetry={paged.first.reload} /> : null}
      <Table<Signal>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={paged.first.loading}
        dataSource={paged.items}
        pagination={false}
        locale={{ emptyText: history ? '没有信号记录' : '当前没有信号' }}
        columns={[
          {
            title: '信号',
            dataIndex: 'level',
            render: (l: SignalLevel) => <Tag color={SIGNAL_COLORS[l]}>{SIGNAL_NAMES[l]}</Tag>,
          },
          { title: '办件', render: (_, s) => <Link to={`/clocks/${s.matterId}`}>{s.caseNumber}</Link> },
          { title: '事项', dataIndex: 'itemName' },
          { title: '原因', dataIndex: 'reason' },
          { title: '责任人', dataIndex: 'responsible' },
          { title: '亮起时间', render: (_, s) => dateTime(s.raisedAt) },
          {
            title: '解除',
            render: (_, s) => (s.clearedAt ? `${dateTime(s.clearedAt)} ${s.clearedReason ?? ''}` : '未解除'),
          },
        ]}
      />
      {/* The service does not count its lists (total 0): say what is shown. */}
      <p>
        已显示 {paged.items.length} 条{paged.more ? '，还有更多' : ''}
      </p>
      <MoreButton paged={paged} />
    </>
  );
}
