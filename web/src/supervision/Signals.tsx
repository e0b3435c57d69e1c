import { Link } from 'react-router';
import { Segmented, Select, Tag } from 'antd';
import { api, call } from '../shared/api';
import { dateTime } from '../shared/format';
import { usePaged } from '../shared/states';
import { FilteredList, useAddressFilters } from './FilteredList';
import { SIGNAL_COLORS, SIGNAL_NAMES } from './labels';
import type { Signal, SignalLevel } from './types';

const LEVEL_OPTIONS = (['warning', 'yellow', 'red'] as const).map((l) => ({
  value: l,
  label: `${SIGNAL_NAMES[l]}及以上`,
}));

/** 信号: active signals or the history, by level; the filters live in the address (?history=1&minLevel=red). */
export default function Signals() {
  const [params, set] = useAddressFilters();
  const history = params.get('history') === '1';
  const minLevel = (params.get('minLevel') ?? undefined) as Exclude<SignalLevel, 'none'> | undefined;
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
    <FilteredList<Signal>
      title="信号"
      paged={paged}
      emptyText={history ? '没有信号记录' : '当前没有信号'}
      filters={
        <>
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
        </>
      }
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
  );
}
