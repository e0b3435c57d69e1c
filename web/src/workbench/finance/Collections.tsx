import { useMemo, useState } from 'react';
import { Button, Form, Radio, Space, Table, Typography } from 'antd';
import { api, call, downloadWithToken } from '../../shared/api';
import type { CollectionReport, Profile } from '../../api/types';
import { useDepartmentNames } from '../../shared/department-names';
import { defaultPeriod } from '../../shared/format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { FEE_CATEGORY, REPORT_GROUP, yuan } from '../../shared/payments';
import { PeriodFields } from '../../shared/period-report';
import type { Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';
import { csvUrl, reportQuery, type GroupBy, type ReportValues } from './report-query';

type Row = CollectionReport['rows'][number];
const FIELDS: (keyof ReportValues)[] = ['from', 'to', 'groupBy'];

function ReportTable({ report }: { report: CollectionReport }) {
  const departmentName = useDepartmentNames(report.rows.map((r) => r.department).filter((d) => d !== ''));
  const byDepartment = report.rows.some((r) => r.department !== '');
  const byCategory = report.rows.some((r) => r.category !== '');
  return (
    <>
      <Typography.Paragraph>
        统计期间：{report.from} 至 {report.to}（按银行收款日）
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.department}|${r.category}`}
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={report.rows}
        locale={{ emptyText: '期间内没有收款' }}
        columns={[
          ...(byDepartment || !byCategory
            ? [{ title: '执收部门', key: 'department', render: (_v: unknown, r: Row) => departmentName(r.department) }]
            : []),
          ...(byCategory
            ? [{ title: '收费类别', key: 'category', render: (_v: unknown, r: Row) => FEE_CATEGORY[r.category] ?? '—' }]
            : []),
          { title: '缴款笔数', dataIndex: 'noticeCount', align: 'right' },
          { title: '收费项目条数', dataIndex: 'lineCount', align: 'right' },
          { title: '金额', key: 'amount', align: 'right', render: (_v: unknown, r: Row) => yuan(r.amountFen) },
        ]}
      />
      <div data-report-totals style={{ marginTop: 12 }}>
        <Typography.Paragraph>
          合计：<Typography.Text strong>{yuan(report.totalFen)}</Typography.Text>（{report.noticeCount} 笔缴款）
        </Typography.Paragraph>
        <Typography.Paragraph>
          期间内退款：<Typography.Text strong>{yuan(report.refundedFen)}</Typography.Text>（{report.refundCount} 笔）
        </Typography.Paragraph>
        <Typography.Paragraph>
          扣除退款后：<Typography.Text strong>{yuan(report.totalFen - report.refundedFen)}</Typography.Text>
        </Typography.Paragraph>
      </div>
    </>
  );
}

/** 收费统计 (P10): a period's collections per owning department and/or category, the refunds, and the CSV. */
function CollectionReportForm() {
  const [form] = Form.useForm<ReportValues>();
  const initial = useMemo(() => ({ ...defaultPeriod(new Date()), groupBy: 'department' as GroupBy }), []);
  const [report, setReport] = useState<CollectionReport>();
  const [busy, setBusy] = useState<'' | 'show' | 'csv'>('');
  const [errors, setErrors] = useState<string[]>([]);
  const run = async (what: 'show' | 'csv') => {
    const v = form.getFieldsValue();
    setBusy(what);
    setErrors([]);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      if (what === 'show') {
        setReport(await call(api.GET('/api/v1/payments/reports/collections', { params: { query: reportQuery(v) } })));
      } else {
        await downloadWithToken(csvUrl(v), `收费统计-${v.from ?? ''}-${v.to ?? ''}.csv`);
      }
    } catch (e) {
      if (what === 'show') setReport(undefined);
      setErrors(showOnForm(form, e, FIELDS));
    } finally {
      setBusy('');
    }
  };
  return (
    <>
      <Form<ReportValues>
        form={form}
        layout="inline"
        initialValues={initial}
        onFinish={() => void run('show')}
        style={{ marginBottom: 16, rowGap: 8 }}
        aria-label="统计条件"
      >
        <PeriodFields />
        <Form.Item name="groupBy" label="分组">
          <Radio.Group
            optionType="button"
            options={Object.entries(REPORT_GROUP).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy === 'show'}>
            统计
          </Button>
          <Button onClick={() => void run('csv')} loading={busy === 'csv'}>
            导出 CSV
          </Button>
        </Space>
      </Form>
      <FormMessages messages={errors} />
      {report ? <ReportTable report={report} /> : null}
    </>
  );
}

export default function Collections({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage title="收费统计" me={me}>
      {() => <CollectionReportForm />}
    </StaffPage>
  );
}
