import { lazy, Suspense } from 'react';
import { Button, Table } from 'antd';
import { Loading } from '../shared/states';
import { onTimeRateOf, percentText, percentValue, satisfactionOf, type ComparisonRow } from './dashboard-figures';

const EChart = lazy(() => import('../shared/EChart'));

/**
 * A comparison of tenants or departments in one month: completed cases as bars and the on-time rate as a line, and
 * the same figures as a table (a chart is an image to a screen reader). `onPick` drills down from a bar or a row.
 */
export function ComparisonChart({
  rows,
  what,
  onPick,
}: {
  rows: ComparisonRow[];
  /** 地区 or 部门: the first column's heading and the chart's label. */
  what: string;
  onPick?: (row: ComparisonRow) => void;
}) {
  const text = rows.map((r) => `${r.name} 办结${r.completed}件 按时办结率${percentText(onTimeRateOf(r))}`).join('，');
  return (
    <>
      <Suspense fallback={<Loading />}>
        <EChart
          label={`各${what}对比：${text}`}
          onPick={onPick ? (i) => rows[i] && onPick(rows[i]) : undefined}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0 } },
            yAxis: [
              { type: 'value', minInterval: 1, name: '件' },
              { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            ],
            series: [
              { name: '受理', type: 'bar', data: rows.map((r) => r.accepted) },
              { name: '办结', type: 'bar', data: rows.map((r) => r.completed) },
              {
                name: '按时办结率',
                type: 'line',
                yAxisIndex: 1,
                connectNulls: false,
                data: rows.map((r) => percentValue(onTimeRateOf(r))),
              },
            ],
          }}
        />
      </Suspense>
      <Table<ComparisonRow>
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText: `本月各${what}没有办件` }}
        columns={[
          { title: what, dataIndex: 'name' },
          { title: '受理', dataIndex: 'accepted' },
          { title: '办结', dataIndex: 'completed' },
          { title: '按时办结', dataIndex: 'onTime' },
          { title: '按时办结率', key: 'onTimeRate', render: (_, r) => percentText(onTimeRateOf(r)) },
          { title: '满意度', key: 'satisfaction', render: (_, r) => percentText(satisfactionOf(r), '暂无评价数据') },
          { title: '红牌', dataIndex: 'redCards' },
          { title: '违规', dataIndex: 'violations' },
          ...(onPick
            ? [
                {
                  title: '下钻',
                  key: 'drill',
                  render: (_: unknown, r: ComparisonRow) => (
                    <Button size="small" aria-label={`查看部门：${r.name}`} onClick={() => onPick(r)}>
                      查看部门
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
