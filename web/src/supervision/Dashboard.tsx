import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, DatePicker, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { tenantOf, useAuth } from '../shared/auth';
import { PageTitle } from '../shared/layout';
import { ErrorAlert, Loading, Notice, Panel, useLoad } from '../shared/states';
import { loadDepartments, loadOverview } from './dashboard-data';
import { chosenMonth, percentText, percentValue, type ComparisonRow } from './dashboard-figures';
import { ComparisonChart } from './DashboardComparison';
import type { KpiFigures } from './types';

const EChart = lazy(() => import('../shared/EChart'));

const rate = (f: KpiFigures | undefined) => percentText(f?.rates.onTimeRate);
const satisfaction = (f: KpiFigures | undefined) => percentText(f?.rates.satisfactionRate, '暂无评价数据');

/** The month's headline figures: received, completed, on-time rate and satisfaction (暂无评价数据 without ratings). */
function Headline({ f }: { f: KpiFigures }) {
  const items: [string, string][] = [
    ['本月受理', `${f.counts.accepted} 件`],
    ['本月办结', `${f.counts.completed} 件`],
    ['按时办结率', rate(f)],
    ['满意度', satisfaction(f)],
  ];
  return (
    <dl className="dashboard-headline" style={{ display: 'flex', flexWrap: 'wrap', gap: 24, margin: 0 }}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{term}</dt>
          <dd style={{ fontSize: 24, fontWeight: 600, margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Twelve months of received and completed cases (bars) and the on-time rate (line), and the same as a table. */
function Trend({ trend }: { trend: KpiFigures[] }) {
  const text = trend
    .map((t) => `${t.period.key} 受理${t.counts.accepted} 办结${t.counts.completed} 按时办结率${rate(t)}`)
    .join('，');
  return (
    <>
      <Suspense fallback={<Loading />}>
        <EChart
          label={`近12个月办件趋势：${text}`}
          height={280}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: trend.map((t) => t.period.key.slice(2)) },
            yAxis: [
              { type: 'value', minInterval: 1, name: '件' },
              { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            ],
            series: [
              { name: '受理', type: 'bar', data: trend.map((t) => t.counts.accepted) },
              { name: '办结', type: 'bar', data: trend.map((t) => t.counts.completed) },
              {
                name: '按时办结率',
                type: 'line',
                yAxisIndex: 1,
                data: trend.map((t) => percentValue(t.rates.onTimeRate)),
              },
            ],
          }}
        />
      </Suspense>
      <Table<KpiFigures>
        rowKey={(t) => t.period.key}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={trend}
        columns={[
          { title: '月份', key: 'month', render: (_, t) => t.period.key },
          { title: '受理', key: 'accepted', render: (_, t) => t.counts.accepted },
          { title: '办结', key: 'completed', render: (_, t) => t.counts.completed },
          { title: '按时办结', key: 'onTime', render: (_, t) => t.counts.onTime },
          { title: '按时办结率', key: 'onTimeRate', render: (_, t) => rate(t) },
          { title: '满意度', key: 'satisfaction', render: (_, t) => satisfaction(t) },
        ]}
      />
    </>
  );
}

/** One tenant's departments in the month (the drill-down from a district, or a district's own view). */
function Departments({
  tenant,
  month,
  onBack,
}: {
  tenant: { code: string; name: string };
  month: string;
  onBack?: () => void;
}) {
  const rows = useLoad(() => loadDepartments(tenant.code, month), [tenant.code, month]);
  return (
    <Panel title={`${tenant.name}各部门（${month}）`}>
      {onBack ? (
        <Button onClick={onBack} style={{ marginBottom: 8 }}>
          返回各地区对比
        </Button>
      ) : null}
      {rows.error ? <ErrorAlert error={rows.error} onRetry={rows.reload} /> : null}
      {rows.data ? <ComparisonChart rows={rows.data} what="部门" /> : rows.error ? null : <Loading />}
    </Panel>
  );
}

/**
 * 领导驾驶舱 (S30, U27): the caller's tenant and everything below it — twelve months' trend, the month's on-time rate
 * and satisfaction, each district or county compared, a click drilling down to its departments; never a sibling
 * (ListKpis' scope). Leaders sign in with the supervisor role (ADR 0048).
 */
export default function Dashboard() {
  const { user } = useAuth();
  const tenant = tenantOf(user);
  const [params, setParams] = useSearchParams();
  const month = chosenMonth(params.get('month'), dayjs().format('YYYY-MM'));
  const [drill, setDrill] = useState<ComparisonRow>();
  const overview = useLoad(() => (tenant ? loadOverview(tenant, month) : Promise.resolve(undefined)), [tenant, month]);
  if (!tenant) return <Notice title="无法确定所属地区" text="您的账号没有所属地区，请联系管理员。" />;
  const data = overview.data;
  return (
    <>
      <PageTitle
        title="领导驾驶舱"
        extra={
          <DatePicker
            picker="month"
            aria-label="统计月份"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'month')}
            onChange={(d: Dayjs | null) => {
              if (!d) return;
              setDrill(undefined);
              setParams({ month: d.format('YYYY-MM') });
            }}
          />
        }
      />
      {overview.error ? <ErrorAlert error={overview.error} onRetry={overview.reload} /> : null}
      {!data ? (
        overview.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <Panel title={`本月概况（${month}）`}>
            <Headline f={data.current} />
          </Panel>
          <Panel title="办件趋势（近12个月）">
            <Trend trend={data.trend} />
          </Panel>
          {data.subordinates.length === 0 ? (
            <Departments tenant={{ code: tenant, name: '本地区' }} month={month} />
          ) : drill ? (
            <Departments tenant={drill} month={month} onBack={() => setDrill(undefined)} />
          ) : (
            <Panel title={`各县区对比（${month}）`}>
              <ComparisonChart rows={data.subordinates} what="地区" onPick={setDrill} />
            </Panel>
          )}
        </>
      )}
    </>
  );
}
