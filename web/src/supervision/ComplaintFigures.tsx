import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { paths } from '../api/schema';
import { api, call } from '../shared/api';
import {
  COMPLAINT_FINDING,
  COMPLAINT_KIND,
  COMPLAINT_STATUS,
  COMPLAINT_TARGET_KIND,
  HANDLING_OFFICE,
  REPLY_SATISFACTION,
} from '../shared/complaint-format';
import { useDepartmentNames } from '../shared/department-names';
import { PageTitle } from '../shared/layout';
import { usePeriodReport } from '../shared/period-report';
import { Panel } from '../shared/states';

type Summary = paths['/api/v1/complaints/summary']['get']['responses'][200]['content']['application/json'];
type Overdue = Summary['overdue'][number];

/** One breakdown as a two-column table (名称, 件数), every key the service counted, zero included. */
function CountTable({ label, rows }: { label: string; rows: { name: string; count: number }[] }) {
  return (
    <Table
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={rows}
      aria-label={label}
      columns={[
        { title: label, dataIndex: 'name' },
        { title: '件数', dataIndex: 'count', align: 'right' },
      ]}
    />
  );
}

function OverdueTable({ rows }: { rows: Overdue[] }) {
  const departmentName = useDepartmentNames(rows.map((r) => r.officeDepartment).filter((d) => d !== ''));
  return (
    <Table<Overdue>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 860 }}
      dataSource={rows}
      aria-label="超期未办的投诉"
      locale={{ emptyText: '没有超期未办的投诉' }}
      columns={[
        { title: '投诉编号', dataIndex: 'number' },
        { title: '类别', key: 'kind', render: (_v, r) => COMPLAINT_KIND[r.kind] },
        {
          title: '投诉对象',
          key: 'target',
          render: (_v, r) =>
            r.target.kind === 'none' ? '未指定' : `${r.target.name}（${COMPLAINT_TARGET_KIND[r.target.kind]}）`,
        },
        {
          title: '受理部门',
          key: 'office',
          render: (_v, r) =>
            `${HANDLING_OFFICE[r.office]}${r.officeDepartment ? `（${departmentName(r.officeDepartment)}）` : ''}`,
        },
        {
          title: '超期环节',
          key: 'clock',
          render: (_v, r) => <Tag color="red">{r.clock === 'accept' ? '受理超期' : '答复超期'}</Tag>,
        },
        { title: '期限', dataIndex: 'dueDay' },
        { title: '状态', key: 'status', render: (_v, r) => COMPLAINT_STATUS[r.status] },
      ]}
    />
  );
}

function Figures({ s }: { s: Summary }) {
  const cards: [string, number][] = [
    ['投诉总数', s.total],
    ['受理超期', s.lateAcceptance],
    ['答复超期', s.lateReply],
    ['目前超期未办', s.overdue.length],
  ];
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {cards.map(([title, value]) => (
          <Col xs={12} md={6} key={title}>
            <Card size="small">
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      {s.truncated ? (
        <Typography.Paragraph type="warning">
          期间内投诉过多，只统计了最先收到的部分，请缩短统计期间。
        </Typography.Paragraph>
      ) : null}
      <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' }}>
        <CountTable
          label="按状态"
          rows={s.byStatus.map((r) => ({ name: COMPLAINT_STATUS[r.status], count: r.count }))}
        />
        <CountTable label="按类别" rows={s.byKind.map((r) => ({ name: COMPLAINT_KIND[r.kind], count: r.count }))} />
        <CountTable
          label="答复认定"
          rows={s.byFinding.map((r) => ({ name: COMPLAINT_FINDING[r.finding], count: r.count }))}
        />
        <CountTable
          label="投诉人对答复的评价"
          rows={s.bySatisfaction.map((r) => ({ name: REPLY_SATISFACTION[r.satisfaction], count: r.count }))}
        />
      </div>
    </>
  );
}

/** 投诉统计: the tenant's complaints of a period counted, and those past their day (no complainant's data). */
export default function ComplaintFigures() {
  const { form, shown } = usePeriodReport(
    (period) => call(api.GET('/api/v1/complaints/summary', { params: { query: period } })),
    { atOnce: true },
  );
  return (
    <>
      <PageTitle title="投诉统计" />
      <Typography.Paragraph type="secondary">
        本地区期间内收到的投诉和举报（按收到日期，北京时间）；超期按 {shown?.figures.today ?? '今天'} 判断。
      </Typography.Paragraph>
      {form}
      {shown ? (
        <>
          <Panel title={`投诉情况（${shown.period.from} 至 ${shown.period.to}）`}>
            <Figures s={shown.figures} />
          </Panel>
          <Panel title="超期未办的投诉">
            <OverdueTable rows={shown.figures.overdue} />
          </Panel>
        </>
      ) : null}
    </>
  );
}
