import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { api, call, downloadWithToken } from '../../shared/api';
import type { Case } from '../../api/types';
import { CASE_STATUS, CASE_STATUS_COLOR, DELIVERY, DOCUMENT_KIND } from '../../shared/labels';
import { timeLeft } from '../../shared/days-left';
import { dateTime } from '../../shared/format';
import { CaseHistory, CaseSteps } from '../../shared/case-record';
import { PageTitle } from '../../shared/layout';
import { messageOf } from '../../shared/problem';
import { RequireLogin } from '../../shared/require-login';
import { ErrorAlert, Loading, useLoad } from '../../shared/states';
import { CASE_PAYMENT_STATE, HOW_TO_PAY, yuan } from '../../shared/payments';
import { CaseRating } from './CaseRating';
// The editor (with the form renderer) loads only for a case the applicant must fix.
const ApplicationEditor = lazy(() =>
  import('../apply/ApplicationEditor').then((m) => ({ default: m.ApplicationEditor })),
);
import { FormMessages, showOnForm } from '../../shared/form-messages';

function Deadlines({ c }: { c: Case }) {
  const clocks = c.clocks;
  if (!clocks) return null;
  const left = c.timeLeft ? timeLeft(c.timeLeft.workingDaysLeft, c.timeLeft.clockRunning) : undefined;
  return (
    <Card title="办理期限" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="收件日期">{clocks.receivedDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="受理日期">{clocks.acceptedDate ?? '—'}</Descriptions.Item>
        {clocks.noticeDueDate ? (
          <Descriptions.Item label="一次性告知期限">{clocks.noticeDueDate}</Descriptions.Item>
        ) : null}
        {clocks.promised ? (
          <Descriptions.Item label="承诺办结期限">
            <Space wrap>
              <span>
                {clocks.promised.dueDate ?? '暂停计时中'}
                {clocks.promised.provisional ? '（按未发布年份的工作日推算）' : ''}
              </span>
              {left && left.urgency !== 'none' ? <Tag color={left.color}>{left.text}</Tag> : null}
            </Space>
          </Descriptions.Item>
        ) : null}
        {clocks.statutory ? (
          <Descriptions.Item label="法定办结期限">{clocks.statutory.dueDate ?? '暂停计时中'}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {clocks.promised?.explanation ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {clocks.promised.explanation}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function Documents({ c }: { c: Case }) {
  const [error, setError] = useState<string>();
  if (c.documents.length === 0) return null;
  return (
    <Card title="办件文书" style={{ marginBottom: 16 }}>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} /> : null}
      <List
        size="small"
        dataSource={c.documents}
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button
                key="download"
                size="small"
                onClick={() =>
                  downloadWithToken(`/api/v1/cases/${c.id}/documents/${d.id}`, `${d.number || d.id}.pdf`).catch(
                    (e: unknown) => setError(messageOf(e)),
                  )
                }
              >
                下载
              </Button>,
            ]}
          >
            {DOCUMENT_KIND[d.kind] ?? '文书'} {d.number}
            {d.issuedAt ? <Typography.Text type="secondary">（{dateTime(d.issuedAt)}）</Typography.Text> : null}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 缴费: the notice of an approved case with fees, what is due, and where to pay (the bank, never the center). */
function Payment({ c }: { c: Case }) {
  const p = c.payment;
  if (!p) return null;
  const due = c.status === 'awaiting_payment' && p.state === 'due';
  return (
    <Card
      title={
        <Space wrap>
          <span>缴费</span>
          <Tag color={due ? 'orange' : p.state === 'paid' ? 'green' : 'default'}>{CASE_PAYMENT_STATE[p.state]}</Tag>
        </Space>
      }
      style={{ marginBottom: 16 }}
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="缴款通知书编号">{p.noticeNumber}</Descriptions.Item>
        <Descriptions.Item label="应缴金额">
          <Typography.Text strong>{yuan(p.totalFen)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="缴款码">{p.paymentCode}</Descriptions.Item>
        <Descriptions.Item label="缴款期限">{p.deadline}</Descriptions.Item>
      </Descriptions>
      {due ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
          {HOW_TO_PAY}缴费期间暂停计算承诺办结时限。
        </Typography.Paragraph>
      ) : null}
      <Link to="/payments">{due ? '去缴费（我的缴费）' : '查看我的缴费'}</Link>
    </Card>
  );
}

/** Before the decision the applicant may withdraw (the service's WITHDRAWABLE). */
const WITHDRAWABLE: readonly Case['status'][] = [
  'returned',
  'pre_review',
  'supplement',
  'pre_review_passed',
  'awaiting_paper',
  'processing',
  'suspended',
  'joint_review',
  'escalated',
];

/** What the applicant should know first: just submitted, a draft to continue, a notice to answer. */
function CaseBanner({ c }: { c: Case }) {
  const [params] = useSearchParams();
  if (c.status === 'draft') {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="这是尚未提交的草稿"
        action={<Link to={`/apply/${c.itemId}?case=${c.id}`}>继续填写</Link>}
      />
    );
  }
  if (params.get('submitted') && c.status === 'pre_review') {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        style={{ marginBottom: 16 }}
        message="申请已提交，等待窗口预审"
        description={`办件编号：${c.caseNumber ?? ''}。可在本页或“进度查询”中查看办理进度。`}
      />
    );
  }
  return null;
}

/** 补正: the notice item by item, with the form and the materials to fix, and the resubmission. */
function Supplement({ c, onCase }: { c: Case; onCase: (c: Case) => void }) {
  const item = useLoad(
    () => call(api.GET('/api/v1/catalogue/published/{id}', { params: { path: { id: c.itemId } } })),
    [c.itemId],
  );
  const [done, setDone] = useState(false);
  if (item.error) return <ErrorAlert error={item.error} onRetry={item.reload} />;
  if (!item.data) return <Loading text="正在读取申请表…" />;
  return (
    <section aria-label="补正材料" style={{ marginBottom: 16 }}>
      {done ? null : (
        <Suspense fallback={<Loading text="正在读取申请表…" />}>
          <ApplicationEditor
            c={c}
            item={item.data}
            onCase={onCase}
            onSubmitted={(next) => {
              setDone(true);
              onCase(next);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}

/** The licence issued by this case: its number and the code anyone verifies it with. */
function ResultLicence({ c }: { c: Case }) {
  const onBehalfOf = c.applicant.kind === 'natural_person' ? undefined : c.applicant.personId;
  const licences = useLoad(
    () =>
      c.licenceId
        ? call(
            api.GET('/api/v1/licences/mine', {
              params: { query: { pageSize: 100, ...(onBehalfOf ? { onBehalfOf } : {}) } },
            }),
          ).then((r) => r.licences)
        : Promise.resolve([]),
    [c.licenceId, onBehalfOf],
  );
  if (!c.licenceId) return null;
  const l = licences.data?.find((x) => x.id === c.licenceId || x.caseId === c.id);
  return (
    <Card title="办理结果：电子证照" style={{ marginBottom: 16 }}>
      {licences.error ? <ErrorAlert error={licences.error} onRetry={licences.reload} /> : null}
      {!l && !licences.error ? (
        licences.loading ? (
          <Loading text="正在读取证照…" />
        ) : (
          '证照已核发，请在“办件文书”中下载。'
        )
      ) : null}
      {l ? (
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="证照名称">{l.name}</Descriptions.Item>
          <Descriptions.Item label="证照编号">{l.licenceNumber}</Descriptions.Item>
          <Descriptions.Item label="有效期">
            {l.validFrom} 至 {l.validUntil ?? '长期'}
          </Descriptions.Item>
          <Descriptions.Item label="核验码">
            <Link to={`/verify?code=${l.verificationCode}`}>{l.verificationCode}</Link>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}

/** 撤回: asks for the reason and a confirmation, then withdraws. */
function Withdraw({ c, onCase }: { c: Case; onCase: (c: Case) => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const withdraw = async (v: { reason: string }) => {
    setBusy(true);
    setMessages([]);
    try {
      onCase(
        await call(
          api.POST('/api/v1/cases/{id}/withdraw', {
            params: { path: { id: c.id } },
            body: { reason: v.reason.trim(), expectedVersion: c.version },
          }),
        ),
      );
      setOpen(false);
    } catch (e) {
      setMessages(showOnForm(form, e, ['reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        撤回申请
      </Button>
      <Modal
        title="撤回申请"
        open={open}
        onCancel={() => setOpen(false)}
        okText="确认撤回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>撤回后本次申请终止办理，如需办理须重新申请。</Typography.Paragraph>
        <FormMessages messages={messages} />
        <Form form={form} layout="vertical" onFinish={(v) => void withdraw(v)}>
          <Form.Item
            name="reason"
            label="撤回原因"
            rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CaseView({ c, onCase }: { c: Case; onCase: (c: Case) => void }) {
  return (
    <>
      <PageTitle
        title={c.itemName}
        extra={
          <Space wrap>
            <Tag color={CASE_STATUS_COLOR[c.status]}>{CASE_STATUS[c.status]}</Tag>
            <span>办件编号：{c.caseNumber ?? '尚未编号'}</span>
            {c.caseNumber ? (
              <Link
                to={`/complaints?${new URLSearchParams({ case: c.id, label: `${c.caseNumber}（${c.itemName}）`, tenant: c.tenant })}`}
              >
                对本办件投诉
              </Link>
            ) : null}
          </Space>
        }
      />
      <CaseBanner c={c} />
      <Card title="办件信息" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="申请人">{c.applicant.name}</Descriptions.Item>
          {c.applicant.agentName ? <Descriptions.Item label="经办人">{c.applicant.agentName}</Descriptions.Item> : null}
          <Descriptions.Item label="申请方式">{c.channel === 'online' ? '网上申请' : '窗口申请'}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{dateTime(c.submittedAt)}</Descriptions.Item>
          {c.decision ? (
            <Descriptions.Item label="审批结果">
              {c.decision.outcome === 'approved' ? '准予许可' : '不予许可'}
            </Descriptions.Item>
          ) : null}
          {c.delivery ? (
            <Descriptions.Item label="送达方式">
              {DELIVERY[c.delivery.method] ?? c.delivery.method}
              {c.delivery.pickupCode ? `（取件码 ${c.delivery.pickupCode}）` : ''}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {c.status === 'returned' || c.status === 'supplement' ? <Supplement c={c} onCase={onCase} /> : null}
      <Payment c={c} />
      <Deadlines c={c} />
      {c.steps.length > 0 ? (
        <Card title="办理环节" style={{ marginBottom: 16 }}>
          <CaseSteps c={c} />
        </Card>
      ) : null}
      <ResultLicence c={c} />
      <CaseRating c={c} />
      <Documents c={c} />
      <Card title="办理记录" style={{ marginBottom: 16 }}>
        <CaseHistory c={c} />
      </Card>
      <Space wrap size={16}>
        <Link to="/my">返回我的办件</Link>
        {WITHDRAWABLE.includes(c.status) ? <Withdraw c={c} onCase={onCase} /> : null}
      </Space>
    </>
  );
}

function CaseLoader({ id }: { id: string }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })), [id]);
  const [changed, setChanged] = useState<Case>();
  const c = changed?.id === id ? changed : loaded.data;
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!c) return <Loading text="正在读取办件…" />;
  return <CaseView c={c} onCase={setChanged} />;
}

/** One of the applicant's cases: state, deadlines, steps, documents and the record of what happened. */
export default function CaseDetail() {
  const { id = '' } = useParams();
  return (
    <RequireLogin why="登录后可查看办件详情。">
      <CaseLoader id={id} />
    </RequireLogin>
  );
}
