import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, DatePicker, Space, Table, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call, downloadWithToken } from '../shared/api';
import { PageTitle } from '../shared/layout';
import { messageOf } from '../shared/problem';
import { ErrorAlert, Loading, Panel, useLoad } from '../shared/states';
import DailyCheckDownload from './DailyCheckDownload';

const EChart = lazy(() => import('../shared/EChart'));

type KpiFigures = Awaited<ReturnType<typeof loadReport>>['departments'][number];

/** A rate as the bulletin prints it: one decimal percent, or 无数据 when nothing was completed. */
export const percent = (rate: number | undefined) => (rate === undefined ? '无数据' : `${(rate * 100).toFixed(1)}%`);

/** The twelve months ending with `month` (YYYY-MM), oldest first. */
export function trendMonths(month: string): string[] {
  const last = dayjs(`${month}-01`);
  return Array.from({ length: 12 }, (_, i) => last.subtract(11 - i, 'month').format('YYYY-MM'));
}

async function loadReport(month: string) {
  const months = trendMonths(month);
  const kpis = (level: 'tenant' | 'department', fromKey: string, toKey: string) =>
    call(api.GET('/api/v1/supervision/kpis', { params: { query: { level, periodKind: 'month', fromKey, toKey } } }));
  const [trend, departments] = await Promise.all([kpis('tenant', months[0]!, month), kpis('department', month, month)]);
  return { trend: trend.totals, departments: departments.figures };
}

const COLUMNS = [
  { title: '部门', key: 'id', render: (_: unknown, f: KpiFigures) => f.subject.id },
  { title: '受理', key: 'accepted', render: (_: unknown, f: KpiFigures) => f.counts.accepted },
  { title: '办结', key: 'completed', render: (_: unknown, f: KpiFigures) => f.counts.completed },
  { title: '按时办结', key: 'onTime', render: (_: unknown, f: KpiFigures) => f.counts.onTime },
  { title: '按时办结率', key: 'onTimeRate', render: (_: unknown, f: KpiFigures) => percent(f.rates.onTimeRate) },
  { title: '预警', key: 'warnings', render: (_: unknown, f: KpiFigures) => f.counts.warnings },
  { title: '黄牌', key: 'yellowCards', render: (_: unknown, f: KpiFigures) => f.counts.yellowCards },
  { title: '红牌', key: 'redCards', render: (_: unknown, f: KpiFigures) => f.counts.redCards },
  { title: '违规', key: 'violations', render: (_: unknown, f: KpiFigures) => f.counts.violations },
];

/** 统计报表: the on-time rate over twelve months, each department's month, and the month's bulletin (月通报). */
export default function Reports() {
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const [downloading, setDownloading] = useState(false);
  const report = useLoad(() => loadReport(month), [month]);
  const trendText = useMemo(
    () => (report.data?.trend ?? []).map((t) => `${t.period.key} ${percent(t.rates.onTimeRate)}`).join('，'),
    [report.data],
  );
  const departmentText = useMemo(
    () => (report.data?.departments ?? []).map((d) => `${d.subject.id} ${percent(d.rates.onTimeRate)}`).join('，'),
    [report.data],
  );
  const download = async () => {
    setDownloading(true);
    try {
      await downloadWithToken(`/api/v1/supervision/bulletins/monthly.pdf?month=${month}`, `月通报-${month}.pdf`);
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <PageTitle
        title="统计报表"
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              aria-label="统计月份"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'month')}
              onChange={(d: Dayjs | null) => d && setMonth(d.format('YYYY-MM'))}
            />
            <Button type="primary" loading={downloading} onClick={() => void download()}>
              下载月通报
            </Button>
            <DailyCheckDownload />
          </Space>
        }
      />
      {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {!report.data ? (
        report.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
            <Panel title="按时办结率（近12个月）">
              <Suspense fallback={<Loading />}>
                <EChart
                  label={`按时办结率：${trendText}`}
                  option={{
                    tooltip: {},
                    xAxis: { type: 'category', data: report.data.trend.map((t) => t.period.key.slice(2)) },
                    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                    series: [
                      {
                        type: 'bar',
                        data: report.data.trend.map((t) =>
                          t.rates.onTimeRate === undefined ? 0 : Math.round(t.rates.onTimeRate * 1000) / 10,
                        ),
                      },
                    ],
                  }}
                />
              </Suspense>
              <p>{trendText}</p>
            </Panel>
            <Panel title={`各部门按时办结率（${month}）`}>
              {report.data.departments.length === 0 ? (
                <p>本月各部门没有办件。</p>
              ) : (
                <Suspense fallback={<Loading />}>
                  <EChart
                    label={`各部门按时办结率：${departmentText}`}
                    option={{
                      tooltip: {},
                      xAxis: { type: 'category', data: report.data.departments.map((d) => d.subject.id) },
                      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                      series: [
                        {
                          type: 'bar',
                          data: report.data.departments.map((d) =>
                            d.rates.onTimeRate === undefined ? 0 : Math.round(d.rates.onTimeRate * 1000) / 10,
                          ),
                        },
                      ],
                    }}
                  />
                </Suspense>
              )}
              <p>{departmentText || '无数据'}</p>
            </Panel>
          </div>
          <Panel title={`各部门办理情况（${month}）`}>
            <Table
              rowKey={(f) => f.subject.id}
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={report.data.departments}
              columns={COLUMNS}
              locale={{ emptyText: '本月没有办件、信号或违规' }}
            />
          </Panel>
        </>
      )}
    </>
  );
}
