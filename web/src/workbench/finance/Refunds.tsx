import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Form, Input, Modal, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile, RefundEntry, RefundState } from '../../api/types';
import { dateTime } from '../../shared/format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { messageOf } from '../../shared/problem';
import { REFUND_STATE, REFUND_STATE_COLOR, yuan } from '../../shared/payments';
import { usePaged, type Loaded } from '../../shared/states';
import { StaffPage } from '../staff-page';

type Row = RefundEntry & { id: string };
type Staff = NonNullable<Profile['staff']>;

const STATES = Object.keys(REFUND_STATE) as RefundState[];

/**
 * The notice's version to decide `row`'s refund on. A decision names the notice's version, which changes with every
 * other refund of the notice (an approval, the bank's confirmation), so the list's copy goes stale; the refund itself
 * does not change while it waits, so the notice is read again just before deciding and the refund checked still
 * waiting.
 */
async function versionToDecide(row: Row): Promise<number> {
  const { notice } = await call(api.GET('/api/v1/payments/notices/{id}', { params: { path: { id: row.noticeId } } }));
  const refund = notice.refunds.find((r) => r.id === row.refund.id);
  if (refund?.state !== 'requested') throw new DecidedAlready();
  return notice.version;
}

/** The refund was decided since the list was read. */
class DecidedAlready extends Error {
  constructor() {
    super('该退款申请已有审核结果，请刷新列表');
  }
}

/** The message of a failed decision. */
const decisionFailure = (e: unknown) => (e instanceof DecidedAlready ? e.message : messageOf(e));

/** 不予退款: the reason is required; the service's messages show at it. */
function RejectDialog({ row, onClose, onDone }: { row: Row; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async ({ reason }: { reason?: string }) => {
    setBusy(true);
    setErrors([]);
    try {
      await call(
        api.POST('/api/v1/payments/notices/{id}/refunds/{refundId}/rejection', {
          params: { path: { id: row.noticeId, refundId: row.refund.id } },
          body: { expectedVersion: await versionToDecide(row), reason: (reason ?? '').trim() },
        }),
      );
      onDone();
    } catch (e) {
      setErrors(e instanceof DecidedAlready ? [e.message] : showOnForm(form, e, ['reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="不予退款" onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph>
        {row.noticeNumber}：退款 {yuan(row.refund.amountFen)}，理由：{row.refund.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label="不予退款的理由">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <FormMessages messages={errors} />
        <Space>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            确定不予退款
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/**
 * 退款管理: the tenant's refunds by state; a finance reconciler approves one (its instruction goes to the bank that
 * took the money; 已退款 once the bank confirms) or refuses it with a reason. The requester cannot decide their own
 * (the service's SAME_PERSON, shown as it says).
 */
function RefundList({ staff }: { staff: Staff }) {
  // The state is in the address (?state=, `all` for every state; 待审核 unless told) so a reload keeps it.
  const [params, setParams] = useSearchParams();
  const chosen = params.get('state') ?? 'requested';
  const state = (chosen === 'all' ? '' : chosen) as RefundState | '';
  const setState = (s: RefundState | '') => setParams(new URLSearchParams({ state: s || 'all' }), { replace: true });
  const [rejecting, setRejecting] = useState<Row>();
  const [busy, setBusy] = useState('');
  const [failure, setFailure] = useState<{ id: string; message: string }>();
  const decides = staff.roles.includes('finance_reconciler');
  const paged = usePaged<Row>(
    (pageToken) =>
      call(api.GET('/api/v1/payments/refunds', { params: { query: pageQuery({ state }, pageToken) } })).then((r) => ({
        items: r.refunds.map((e) => ({ ...e, id: e.refund.id })),
        total: r.total,
        nextPageToken: r.nextPageToken,
      })),
    [state],
  );
  const approve = async (row: Row) => {
    setBusy(row.id);
    setFailure(undefined);
    try {
      await call(
        api.POST('/api/v1/payments/notices/{id}/refunds/{refundId}/approval', {
          params: { path: { id: row.noticeId, refundId: row.refund.id } },
          body: { expectedVersion: await versionToDecide(row) },
        }),
      );
      paged.first.reload();
    } catch (e) {
      setFailure({ id: row.id, message: decisionFailure(e) });
    } finally {
      setBusy('');
    }
  };
  const filter = (
    <Radio.Group
      aria-label="退款状态"
      optionType="button"
      value={state}
      onChange={(e) => setState(e.target.value as RefundState | '')}
      options={[{ value: '', label: '全部' }, ...STATES.map((s) => ({ value: s, label: REFUND_STATE[s] }))]}
      style={{ marginBottom: 16 }}
    />
  );
  return (
    <>
      <PagedTable<Row>
        paged={paged}
        filter={filter}
        loadingText="正在读取退款…"
        emptyText="没有符合条件的退款"
        summary={(total) => `共 ${total} 笔退款`}
        scrollX={1200}
        columns={[
          {
            title: '缴款通知书',
            key: 'notice',
            render: (_v, r) => <span data-refund={r.id}>{r.noticeNumber}</span>,
          },
          { title: '办件编号', dataIndex: 'caseNumber' },
          { title: '事项名称', dataIndex: 'itemName' },
          { title: '缴款人', dataIndex: 'payerName' },
          { title: '退款金额', key: 'amount', align: 'right', render: (_v, r) => yuan(r.refund.amountFen) },
          { title: '通知书合计', key: 'total', align: 'right', render: (_v, r) => yuan(r.totalFen) },
          { title: '退款理由', key: 'reason', render: (_v, r) => r.refund.reason },
          {
            title: '申请',
            key: 'requested',
            render: (_v, r) => `${r.refund.requestedBy}（${dateTime(r.refund.requestedAt)}）`,
          },
          {
            title: '状态',
            key: 'state',
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={REFUND_STATE_COLOR[r.refund.state]}>{REFUND_STATE[r.refund.state]}</Tag>
                {r.refund.rejectReason ? <span>理由：{r.refund.rejectReason}</span> : null}
                {r.refund.bankRefundTxnId ? <span>银行流水：{r.refund.bankRefundTxnId}</span> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            key: 'act',
            render: (_v, r) =>
              decides && r.refund.state === 'requested' ? (
                <Space direction="vertical">
                  <Space>
                    <Popconfirm
                      title="批准退款？"
                      description="批准后退款指令发往原收款银行，银行确认后为已退款。"
                      okText="批准"
                      cancelText="取消"
                      onConfirm={() => approve(r)}
                    >
                      <Button type="primary" size="small" loading={busy === r.id}>
                        批准
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => setRejecting(r)}>
                      不予退款
                    </Button>
                  </Space>
                  {failure?.id === r.id ? (
                    <Typography.Text type="danger" role="alert">
                      {failure.message}
                    </Typography.Text>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      {rejecting ? (
        <RejectDialog
          row={rejecting}
          onClose={() => setRejecting(undefined)}
          onDone={() => {
            setRejecting(undefined);
            paged.first.reload();
          }}
        />
      ) : null}
    </>
  );
}

export default function Refunds({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage title="退款管理" me={me}>
      {(staff) => <RefundList staff={staff} />}
    </StaffPage>
  );
}
