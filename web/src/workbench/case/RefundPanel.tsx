import { useState } from 'react';
import { Alert, Button, Form, Input, Table, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Notice, Refund } from '../../api/types';
import { dateTime } from '../../shared/format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { REFUND_STATE, REFUND_STATE_COLOR, yuan } from '../../shared/payments';
import { atRefundFields, refundBody, type RefundValues } from './refund-form';

/** Who may ask for a refund (the gateway's REQUESTERS; the service checks the tenant). */
export const REFUND_REQUESTERS = ['window_clerk', 'department_head', 'center_admin', 'finance_reconciler'];

/** The notice's refunds so far. */
function NoticeRefunds({ refunds }: { refunds: readonly Refund[] }) {
  if (refunds.length === 0) return null;
  return (
    <Table
      size="small"
      style={{ margin: '8px 0' }}
      rowKey="id"
      pagination={false}
      dataSource={[...refunds]}
      columns={[
        { title: '退款金额', align: 'right', render: (_: unknown, r: Refund) => yuan(r.amountFen) },
        { title: '理由', dataIndex: 'reason' },
        {
          title: '状态',
          render: (_: unknown, r: Refund) => <Tag color={REFUND_STATE_COLOR[r.state]}>{REFUND_STATE[r.state]}</Tag>,
        },
        { title: '申请时间', render: (_: unknown, r: Refund) => dateTime(r.requestedAt) },
      ]}
    />
  );
}

/**
 * 申请退款 on a paid notice: the amount in yuan (exact fen) and the reason; a finance reconciler other than the
 * requester decides it, and the bank that took the money pays it back.
 */
export function RefundPanel({
  n,
  roles,
  onNotice,
}: {
  n: Notice;
  roles: readonly string[];
  onNotice: (n: Notice) => void;
}) {
  const [form] = Form.useForm<RefundValues>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [asked, setAsked] = useState(false);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const mayAsk = roles.some((r) => REFUND_REQUESTERS.includes(r));
  const submit = async (values: RefundValues) => {
    setErrors([]);
    setAsked(false);
    const built = refundBody(values, n.version, requestId);
    if (!built.body) {
      form.setFields((built.errors ?? []) as Parameters<typeof form.setFields>[0]);
      setErrors(['请按各栏提示修改']);
      return;
    }
    setBusy(true);
    try {
      const res = await call(
        api.POST('/api/v1/payments/notices/{id}/refunds', { params: { path: { id: n.id } }, body: built.body }),
      );
      form.resetFields();
      setRequestId(crypto.randomUUID());
      setAsked(true);
      onNotice(res.notice);
    } catch (e) {
      setErrors(showOnForm(form, atRefundFields(e), ['amountYuan', 'reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <NoticeRefunds refunds={n.refunds} />
      {asked ? (
        <Alert type="success" showIcon role="status" message="已申请退款，待财务审核" style={{ marginBottom: 12 }} />
      ) : null}
      {mayAsk ? (
        <Form<RefundValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 480, marginTop: 12 }}
          aria-label="申请退款"
        >
          <Typography.Paragraph type="secondary">
            退款由财务人员审核（申请人本人不能审核），批准后由原收款银行退回缴款人，银行确认后为已退款。
          </Typography.Paragraph>
          <Form.Item name="amountYuan" label="退款金额（元）">
            <Input inputMode="decimal" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reason" label="退款理由">
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
          </Form.Item>
          <FormMessages messages={errors} />
          <Button htmlType="submit" loading={busy}>
            申请退款
          </Button>
        </Form>
      ) : null}
    </>
  );
}
