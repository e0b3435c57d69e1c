import { useState } from 'react';
import { Alert, Form, Input, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import { PageTitle } from '../../shared/layout';
import { EmptyState, ErrorAlert, Loading, useLoad } from '../../shared/states';
import { chinaToday } from '../org/calendar-grid';
import { departmentName, departmentsOf } from '../org/directory';
import { NativeSelect } from '../org/NativeSelect';
import { useOrgTenant } from '../org/tenant';
import {
  HIGH_VOLUME_PER_MONTH,
  monthRange,
  monthsIn,
  onTime,
  volumes,
  type DepartmentVolume,
  type StatisticsRow,
} from './agreement-format';

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const days = (n: number) => (n > 0 ? n.toFixed(1) : '—');

/** One department's months, then its total, as table rows. */
function rowsOf(v: DepartmentVolume): (StatisticsRow & { key: string; isTotal: boolean })[] {
  return [
    ...v.months.map((m) => ({ ...m, key: `${v.department}:${m.month}`, isTotal: false })),
    ...(v.total ? [{ ...v.total, key: `${v.department}:total`, isTotal: true }] : []),
  ];
}

/**
 * 代受理量统计 (J8): the delegated cases accepted per entrusting department and month, how many went on and how
 * timely, with a hint where a department's volume may justify stationing it in the hall.
 */
export default function StatisticsPage() {
  const { own } = useOrgTenant();
  const tenant = own.code;
  const [range, setRange] = useState(() => monthRange(chinaToday(), 11));
  const [department, setDepartment] = useState('');
  const valid = MONTH.test(range.fromMonth) && MONTH.test(range.toMonth);
  const departments = useLoad(() => departmentsOf(tenant), [tenant]);
  const stats = useLoad(
    () =>
      valid
        ? call(
            api.GET('/api/v1/joint-review/delegation/statistics', {
              params: { query: { tenant, ...range, ...(department ? { department } : {}) } },
            }),
          )
        : Promise.resolve(undefined),
    [tenant, range.fromMonth, range.toMonth, department, valid],
  );
  const names = departments.data ?? [];
  const grouped = stats.data ? volumes(stats.data.rows, monthsIn(range.fromMonth, range.toMonth)) : [];
  const high = grouped.filter((v) => v.high);

  return (
    <>
      <PageTitle title="代受理量统计" extra="按受理月份统计各委托部门的代受理件：转办、决定、回复及按时情况。" />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="起始月份" htmlFor="stats-from">
          <Input
            id="stats-from"
            type="month"
            value={range.fromMonth}
            onChange={(e) => setRange((r) => ({ ...r, fromMonth: e.target.value }))}
          />
        </Form.Item>
        <Form.Item label="截止月份" htmlFor="stats-to">
          <Input
            id="stats-to"
            type="month"
            value={range.toMonth}
            onChange={(e) => setRange((r) => ({ ...r, toMonth: e.target.value }))}
          />
        </Form.Item>
        <Form.Item label="委托部门" htmlFor="stats-department">
          <NativeSelect
            id="stats-department"
            value={department}
            onChange={(ev) => setDepartment(ev.target.value)}
            placeholder="全部部门"
            choices={names.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      </Form>
      <Alert
        type={high.length > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        message={
          high.length > 0
            ? `${high.map((v) => departmentName(names, v.department)).join('、')}的代受理量较大（月均不少于${HIGH_VOLUME_PER_MONTH}件），可研究提出改为进驻部门的意见。`
            : `代受理量较大的部门（如月均不少于${HIGH_VOLUME_PER_MONTH}件），中心可根据代受理量等因素提出改为进驻部门的意见。`
        }
      />
      {!valid ? (
        <Alert type="error" showIcon role="alert" message="请选择起止月份" />
      ) : stats.error ? (
        <ErrorAlert error={stats.error} onRetry={stats.reload} />
      ) : !stats.data ? (
        <Loading text="正在统计代受理量…" />
      ) : grouped.length === 0 ? (
        <EmptyState text="所选期间没有有效的代受理协议" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {range.fromMonth} 至 {range.toMonth}，代受理量大的部门在前；时限按工作日计。
          </Typography.Paragraph>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 1200 }}
            dataSource={grouped.flatMap(rowsOf)}
            rowClassName={(r) => (r.isTotal ? 'delegation-total' : '')}
            columns={[
              {
                title: '委托部门',
                key: 'department',
                render: (_v, r) => {
                  const v = grouped.find((g) => g.department === r.department);
                  return (
                    <>
                      {departmentName(names, r.department)}
                      {r.isTotal && v?.high ? (
                        <Tag color="orange" style={{ marginLeft: 4 }}>
                          可考虑改为进驻
                        </Tag>
                      ) : null}
                    </>
                  );
                },
              },
              { title: '月份', key: 'month', render: (_v, r) => (r.isTotal ? <strong>合计</strong> : r.month) },
              { title: '代受理', dataIndex: 'accepted' },
              { title: '已转办', dataIndex: 'transferred' },
              { title: '已决定', key: 'decided', render: (_v, r) => `${r.decided}（不予${r.denied}）` },
              { title: '已回复', dataIndex: 'replied' },
              { title: '已撤销', dataIndex: 'cancelled' },
              { title: '按时转办', key: 'transferOnTime', render: (_v, r) => onTime(r.transferOnTime, r.transferred) },
              {
                title: '部门按时办理',
                key: 'departmentOnTime',
                render: (_v, r) => onTime(r.departmentOnTime, r.decided),
              },
              { title: '按时回复', key: 'replyOnTime', render: (_v, r) => onTime(r.replyOnTime, r.replied) },
              {
                title: '平均用时（转办/部门/回复）',
                key: 'averages',
                render: (_v, r) =>
                  `${days(r.averageTransferWorkingDays)}/${days(r.averageDepartmentWorkingDays)}/${days(r.averageReplyWorkingDays)}`,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
