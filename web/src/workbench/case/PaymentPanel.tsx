import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Assessment, AssessmentLine, Case, Notice } from '../../api/types';
import { dateTime } from '../../shared/format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { FEE_CATEGORY, NOTICE_STATE, NOTICE_STATE_COLOR, yuan } from '../../shared/payments';
import { useDepartmentNames } from '../../shared/department-names';
import { ErrorAlert, Loading, Panel, useLoad } from '../../shared/states';
import { RefundPanel } from './RefundPanel';
import { assessBody, atRowFields, rowFields, totalFen, type AssessValues } from './assessment-form';

/** Staff of an owning department who assess (the gateway's ASSESSORS). */
const ASSESSORS = ['window_clerk', 'reviewer', 'approver', 'department_head'];

const REDUCTION_OPTIONS = [
  { value: 'none', label: '不减免' },
  { value: 'reduce', label: '减收' },
  { value: 'exempt', label: '免收' },
];

function standardText(l: AssessmentLine): string {
  if (l.formula) return l.formulaProblem ? `按公式：${l.formulaProblem}` : `按公式 ${l.formula}：${yuan(l.formulaFen)}`;
  return `${yuan(l.standardFen)}／${l.unit || '件'}`;
}

/** 核定收费: the department's own lines of the case, quantities and reductions with their basis, then AssessFees. */
function AssessForm({ a, onAssessed }: { a: Assessment; onAssessed: (n: Notice) => void }) {
  const [form] = Form.useForm<AssessValues>();
  const rows = Form.useWatch('lines', form);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const mine = a.lines.filter((l) => l.mine);
  const total = totalFen(mine, rows);
  const submit = async (values: AssessValues) => {
    setErrors([]);
    const built = assessBody(mine, values, crypto.randomUUID());
    if (!built.body) {
      form.setFields((built.errors ?? []) as Parameters<typeof form.setFields>[0]);
      setErrors(['请按各栏提示修改']);
      return;
    }
    setBusy(true);
    try {
      const res = await call(
        api.POST('/api/v1/payments/assessments/{caseId}', { params: { path: { caseId: a.caseId } }, body: built.body }),
      );
      onAssessed(res.notice);
    } catch (e) {
      setErrors(
        showOnForm(
          form,
          atRowFields(e),
          mine.flatMap((_, i) => rowFields(i)),
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<AssessValues>
      form={form}
      layout="vertical"
      initialValues={{ lines: mine.map((l) => ({ quantity: l.formula ? undefined : 1, reductionKind: 'none' })) }}
      onFinish={(v) => void submit(v)}
    >
      {mine.map((l, i) => (
        <fieldset
          key={l.feeCode}
          data-fee={l.feeCode}
          style={{ border: '1px solid #f0f0f0', padding: 12, marginBottom: 12 }}
        >
          <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
            {l.name}（{l.feeCode}，{FEE_CATEGORY[l.category] ?? l.category}）
          </legend>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            收费标准：{standardText(l)}。收费依据：{l.legalBasis || '—'}
            {l.reductionsNote ? `。减免政策：${l.reductionsNote}` : ''}
          </Typography.Paragraph>
          <Space wrap align="start">
            {l.formula ? null : (
              <Form.Item name={['lines', i, 'quantity']} label={`${l.name}数量`} extra="0 表示本件不收">
                <InputNumber precision={0} style={{ width: 140 }} addonAfter={l.unit || '件'} />
              </Form.Item>
            )}
            <Form.Item name={['lines', i, 'reductionKind']} label={`${l.name}减免`}>
              <Select options={REDUCTION_OPTIONS} style={{ width: 120 }} />
            </Form.Item>
            {rows?.[i]?.reductionKind === 'reduce' ? (
              <Form.Item name={['lines', i, 'reductionYuan']} label={`${l.name}减收金额（元）`}>
                <Input style={{ width: 160 }} inputMode="decimal" />
              </Form.Item>
            ) : null}
            {rows?.[i]?.reductionKind && rows[i]?.reductionKind !== 'none' ? (
              <Form.Item name={['lines', i, 'reductionBasis']} label={`${l.name}减免依据`}>
                <Input style={{ width: 320 }} maxLength={500} />
              </Form.Item>
            ) : null}
          </Space>
        </fieldset>
      ))}
      <Typography.Paragraph>
        本部门合计：<Typography.Text strong>{total === undefined ? '—' : yuan(total)}</Typography.Text>
      </Typography.Paragraph>
      <FormMessages messages={errors} />
      <Button type="primary" htmlType="submit" loading={busy}>
        核定收费
      </Button>
    </Form>
  );
}

function NoticeView({ n }: { n: Notice }) {
  const departmentName = useDepartmentNames(n.lines.map((l) => l.department));
  return (
    <>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="缴款通知书">
          <Space wrap>
            <span>{n.number || '尚未开具'}</span>
            <Tag color={NOTICE_STATE_COLOR[n.state]}>{NOTICE_STATE[n.state]}</Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="合计">
          <Typography.Text strong>{yuan(n.totalFen)}</Typography.Text>
          {n.totalCapitals ? `（${n.totalCapitals}）` : ''}
        </Descriptions.Item>
        {n.paymentCode ? <Descriptions.Item label="缴款码">{n.paymentCode}</Descriptions.Item> : null}
        {n.deadline ? <Descriptions.Item label="缴款期限">{n.deadline}</Descriptions.Item> : null}
        {n.slip ? (
          <Descriptions.Item label="缴费回执">
            {n.slip.slipNumber}（{dateTime(n.slip.registeredAt)} 登记）
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Table
        size="small"
        style={{ margin: '8px 0' }}
        rowKey="feeCode"
        pagination={false}
        dataSource={n.lines}
        columns={[
          { title: '收费项目', dataIndex: 'name' },
          {
            title: '执收部门',
            render: (_: unknown, l: Notice['lines'][number]) => departmentName(l.department),
          },
          { title: '数量', render: (_: unknown, l: Notice['lines'][number]) => (l.formula ? '按公式' : l.quantity) },
          { title: '减免前', align: 'right', render: (_: unknown, l: Notice['lines'][number]) => yuan(l.grossFen) },
          { title: '应缴', align: 'right', render: (_: unknown, l: Notice['lines'][number]) => yuan(l.amountFen) },
        ]}
      />
    </>
  );
}

/** 登记缴费回执: the window records the bank slip the applicant shows; the notice then waits for the bank. */
function SlipForm({ n, onNotice }: { n: Notice; onNotice: (n: Notice) => void }) {
  const [form] = Form.useForm<{ slipNumber: string }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async ({ slipNumber }: { slipNumber: string }) => {
    setBusy(true);
    setErrors([]);
    try {
      const res = await call(
        api.POST('/api/v1/payments/notices/{id}/slip', {
          params: { path: { id: n.id } },
          body: { expectedVersion: n.version, slipNumber: slipNumber ?? '' },
        }),
      );
      onNotice(res.notice);
    } catch (e) {
      setErrors(showOnForm(form, e, ['slipNumber']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 480, marginTop: 12 }}>
      <Typography.Paragraph type="secondary">
        申请人出示银行缴费回执时登记回执编号。登记后显示“待银行确认”，银行确认到账前不视为已缴费。
      </Typography.Paragraph>
      <Form.Item name="slipNumber" label="缴费回执编号">
        <Input maxLength={40} />
      </Form.Item>
      <FormMessages messages={errors} />
      <Button htmlType="submit" loading={busy}>
        登记缴费回执
      </Button>
    </Form>
  );
}

function CaseNotice({ c, roles }: { c: Case; roles: readonly string[] }) {
  const loaded = useLoad(
    () => call(api.GET('/api/v1/payments/cases/{caseId}/notice', { params: { path: { caseId: c.id } } })),
    [c.id, c.version],
  );
  const [changed, setChanged] = useState<Notice>();
  const n = changed ?? loaded.data?.notice;
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!n) return <Loading text="正在读取缴款通知书…" />;
  return (
    <>
      {changed?.state === 'slip_registered' ? (
        <Alert
          type="success"
          showIcon
          role="status"
          message="已登记缴费回执，待银行确认"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <NoticeView n={n} />
      {roles.includes('window_clerk') && n.state === 'issued' ? <SlipForm n={n} onNotice={setChanged} /> : null}
      {n.state === 'paid' ? <RefundPanel n={n} roles={roles} onNotice={setChanged} /> : null}
    </>
  );
}

function Assess({ c }: { c: Case }) {
  const loaded = useLoad(
    () => call(api.GET('/api/v1/payments/assessments/{caseId}', { params: { path: { caseId: c.id } } })),
    [c.id, c.version],
  );
  const [notice, setNotice] = useState<Notice>();
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading text="正在读取应缴费用…" />;
  const a = loaded.data;
  const mine = a.lines.filter((l) => l.mine);
  const n = notice ?? a.notice;
  const department = mine[0]?.department;
  // Every owning department has a part from the first assessment on; a part is done once someone assessed it.
  const assessed = n && department ? n.parts.some((p) => p.department === department && p.assessedBy !== '') : false;
  if (mine.length === 0) {
    return <Typography.Paragraph type="secondary">本事项的收费由其他执收部门核定。</Typography.Paragraph>;
  }
  if (assessed && n) {
    return (
      <>
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={n.state === 'assessing' ? '本部门已核定，等待其他执收部门核定' : '已核定收费'}
        />
        <NoticeView n={n} />
      </>
    );
  }
  return <AssessForm a={a} onAssessed={setNotice} />;
}

/**
 * 缴费 on the case page: the owning department's staff assess an approved case's fees; once issued, the notice and
 * its state (the case 待缴费), and the window clerk registers the applicant's bank slip (待银行确认, never paid).
 */
export function PaymentPanel({ c, roles, hasFees }: { c: Case; roles: readonly string[]; hasFees: boolean }) {
  const assessor = roles.some((r) => ASSESSORS.includes(r));
  if (c.payment) {
    return (
      <Panel title="缴费">
        <CaseNotice c={c} roles={roles} />
      </Panel>
    );
  }
  if (c.status === 'approved' && hasFees && assessor) {
    return (
      <Panel title="核定收费">
        <Assess c={c} />
      </Panel>
    );
  }
  return null;
}
