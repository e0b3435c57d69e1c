import { Table, Typography } from 'antd';
import { api, call } from '../shared/api';
import { tenantOf, useAuth } from '../shared/auth';
import { PageTitle } from '../shared/layout';
import { usePeriodReport, type Period } from '../shared/period-report';
import { SatisfactionFigures, type SatisfactionAnswer } from '../shared/satisfaction-figures';
import { coverage, per10000 } from '../shared/satisfaction-format';
import { Panel } from '../shared/states';

type DepartmentRow = { code: string; name: string; figures: SatisfactionAnswer };

const satisfaction = (query: Period & { department?: string }) =>
  call(api.GET('/api/v1/ratings/satisfaction', { params: { query } }));

/**
 * The tenant's figures of a period and each department's (the ratings service answers one scope per call: the tenant,
 * or one department of it; the supervision office reads them all).
 */
async function loadFigures(tenant: string, period: Period) {
  const [whole, departments] = await Promise.all([
    satisfaction(period),
    call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: tenant } } })),
  ]);
  const rows: DepartmentRow[] = await Promise.all(
    departments.departments.map(async (d) => ({
      code: d.code,
      name: d.name,
      figures: await satisfaction({ ...period, department: d.code }),
    })),
  );
  return { whole, departments: rows };
}

/** 满意度: the tenant's satisfaction figures of a period (C6, C2), then each department's. */
export default function SatisfactionPage() {
  const { user } = useAuth();
  const tenant = tenantOf(user) ?? '';
  const { form, shown } = usePeriodReport((period) => loadFigures(tenant, period), { atOnce: true });
  return (
    <>
      <PageTitle title="满意度" />
      <Typography.Paragraph type="secondary">
        本地区办事群众对办件和窗口服务的评价（按评价日期，北京时间）；申诉成立的评价不计入。
      </Typography.Paragraph>
      {form}
      {shown ? (
        <>
          <Panel title={`本地区满意度（${shown.period.from} 至 ${shown.period.to}）`}>
            <SatisfactionFigures s={shown.figures.whole} />
          </Panel>
          <Panel title="各部门满意度">
            <Table<DepartmentRow>
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: 720 }}
              dataSource={shown.figures.departments}
              aria-label="各部门满意度"
              locale={{ emptyText: '本地区没有进驻部门' }}
              columns={[
                { title: '部门', dataIndex: 'name' },
                { title: '评价总数', key: 'total', align: 'right', render: (_v, r) => r.figures.total },
                {
                  title: '满意率',
                  key: 'satisfied',
                  align: 'right',
                  render: (_v, r) => per10000(r.figures.satisfiedPer10000, r.figures.total),
                },
                {
                  title: '评价覆盖率',
                  key: 'coverage',
                  align: 'right',
                  render: (_v, r) => coverage(r.figures.ratedCases, r.figures.completedCases),
                },
                { title: '默认评价', key: 'defaults', align: 'right', render: (_v, r) => r.figures.defaultRatings },
                {
                  title: '差评（1-2级）',
                  key: 'bad',
                  align: 'right',
                  render: (_v, r) => r.figures.levels.filter((l) => l.level <= 2).reduce((n, l) => n + l.count, 0),
                },
              ]}
            />
          </Panel>
        </>
      ) : null}
    </>
  );
}
