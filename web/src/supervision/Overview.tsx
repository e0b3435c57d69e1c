import { lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Table, Tag } from 'antd';
import { PageTitle } from '../shared/layout';
import { ErrorAlert, Loading, Panel } from '../shared/states';
import { SIGNAL_COLORS, SIGNAL_NAMES } from './labels';
import { LEVELS, TIME_LEFT_BUCKETS, clocksByTimeLeft, signalsByLevel, timeLeftOf } from './live-state';
import { LiveBadge } from './LiveBadge';
import { useLiveOverview } from './use-live-overview';

const EChart = lazy(() => import('../shared/EChart'));
const LEVEL_COLORS = { warning: '#1d5fbf', yellow: '#b38600', red: '#cf1322' };

/** 监察概览: active signals by level, open clocks by time left, the newest signals; kept live by the feed. */
export default function Overview() {
  const { state, error, status, reload } = useLiveOverview();
  const navigate = useNavigate();
  const levels = useMemo(() => signalsByLevel(state?.signals.values() ?? []), [state]);
  const buckets = useMemo(() => clocksByTimeLeft(state?.clocks.values() ?? []), [state]);
  const latest = useMemo(
    () => [...(state?.signals.values() ?? [])].sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)).slice(0, 10),
    [state],
  );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!state) return <Loading />;
  const levelText = LEVELS.map((l) => `${SIGNAL_NAMES[l]}${levels[l]}个`).join('，');
  const bucketText = TIME_LEFT_BUCKETS.map((b) => `${b.label}${buckets[b.key]}件`).join('，');
  return (
    <>
      <PageTitle title="监察概览" extra={<LiveBadge status={status} />} />
      <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))' }}>
        <Panel title="当前信号">
          <Suspense fallback={<Loading />}>
            <EChart
              label={`当前信号：${levelText}`}
              option={{
                tooltip: {},
                xAxis: { type: 'category', data: LEVELS.map((l) => SIGNAL_NAMES[l]) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    type: 'bar',
                    data: LEVELS.map((l) => ({ value: levels[l], itemStyle: { color: LEVEL_COLORS[l] } })),
                  },
                ],
              }}
              onPick={(i) => navigate(`/signals?minLevel=${LEVELS[i]}`)}
            />
          </Suspense>
          <p>
            {LEVELS.map((l) => (
              <Link key={l} to={`/signals?minLevel=${l}`} style={{ marginRight: 16 }}>
                {SIGNAL_NAMES[l]}：{levels[l]}
              </Link>
            ))}
          </p>
        </Panel>
        <Panel title="未办结事项（按承诺时限剩余）">
          <Suspense fallback={<Loading />}>
            <EChart
              label={`未办结事项：${bucketText}`}
              option={{
                tooltip: {},
                // Bars across: six labels of up to eight characters do not fit under a panel's width.
                grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                yAxis: {
                  type: 'category',
                  inverse: true,
                  data: TIME_LEFT_BUCKETS.map((b) => b.label),
                  axisLabel: { interval: 0 },
                },
                xAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', data: TIME_LEFT_BUCKETS.map((b) => buckets[b.key]) }],
              }}
            />
          </Suspense>
          <p>{bucketText}</p>
        </Panel>
      </div>
      <Panel title="最新信号">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={latest}
          locale={{ emptyText: '当前没有信号' }}
          columns={[
            {
              title: '信号',
              dataIndex: 'level',
              render: (l: keyof typeof SIGNAL_NAMES) => <Tag color={SIGNAL_COLORS[l]}>{SIGNAL_NAMES[l]}</Tag>,
            },
            {
              title: '办件',
              render: (_, s) => <Link to={`/clocks/${s.matterId}`}>{s.caseNumber}</Link>,
            },
            { title: '事项', dataIndex: 'itemName' },
            { title: '原因', dataIndex: 'reason' },
            { title: '责任人', dataIndex: 'responsible' },
            {
              title: '时限',
              render: (_, s) => {
                const c = state.clocks.get(s.matterId);
                return c ? TIME_LEFT_BUCKETS.find((b) => b.key === timeLeftOf(c))?.label : '—';
              },
            },
          ]}
        />
      </Panel>
    </>
  );
}
