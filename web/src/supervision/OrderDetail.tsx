import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Descriptions, Form, Input, Space, Tag, message } from 'antd';
import { api, call } from '../shared/api';
import { dateTime } from '../shared/format';
import { PageTitle } from '../shared/layout';
import { ErrorAlert, Loading, Panel, useLoad } from '../shared/states';
import { FormMessages, showOnForm } from '../shared/form-messages';
import {
  CLOCK_STATE_NAMES,
  ORDER_STATE_COLORS,
  ORDER_STATE_NAMES,
  ORDER_TARGET_KIND_NAMES,
  SIGNAL_COLORS,
  SIGNAL_NAMES,
} from './labels';
import type { OrderAnswer } from './types';

type Act = 'reply' | 'close' | 'return';
const ACTS: Record<
  Act,
  { title: string; field: 'text' | 'note' | 'reason'; label: string; done: string; optional?: boolean }
> = {
  reply: { title: '答复督办', field: 'text', label: '办理情况', done: '已答复' },
  close: { title: '办结督办', field: 'note', label: '办结意见（可不填）', done: '督办已办结', optional: true },
  return: { title: '退回重办', field: 'reason', label: '退回理由', done: '已退回' },
};

/** One of the order's acts (答复, 办结, 退回) with its text; the service's refusal is shown at the field. */
function ActForm({ act, answer, onDone }: { act: Act; answer: OrderAnswer; onDone: () => void }) {
  const spec = ACTS[act];
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setErrors([]);
    const id = answer.order.id;
    const version = answer.order.version;
    const text = values[spec.field] ?? '';
    try {
      if (act === 'reply') {
        await call(
          api.POST('/api/v1/supervision/orders/{id}/reply', { params: { path: { id } }, body: { text, version } }),
        );
      } else if (act === 'close') {
        await call(
          api.POST('/api/v1/supervision/orders/{id}/close', {
            params: { path: { id } },
            body: { note: text.trim() || undefined, version },
          }),
        );
      } else {
        await call(
          api.POST('/api/v1/supervision/orders/{id}/return', {
            params: { path: { id } },
            body: { reason: text, version },
          }),
        );
      }
      void message.success(spec.done);
      form.resetFields();
      onDone();
    } catch (e) {
      setErrors(showOnForm(form, e, [spec.field]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel title={spec.title}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name={spec.field}
          label={spec.label}
          rules={spec.optional ? [] : [{ required: true, whitespace: true, message: `请填写${spec.label}` }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <FormMessages messages={errors} />
        <Button type={act === 'return' ? 'default' : 'primary'} htmlType="submit" loading={busy}>
          {spec.title}
        </Button>
      </Form>
    </Panel>
  );
}

/** 督办 detail: the order, its clock (deadline, days left, signal), the replies and returns, and what can be done next. */
export default function OrderDetail({ canClose }: { canClose: boolean }) {
  const { id = '' } = useParams();
  const loaded = useLoad(() => call(api.GET('/api/v1/supervision/orders/{id}', { params: { path: { id } } })), [id]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { order: o, clock: c } = loaded.data;
  const limit = c.promised;
  const left = limit?.remainingWorkingDays;
  return (
    <>
      <PageTitle
        title={`督办：${o.subject}`}
        extra={
          <Space wrap>
            <Tag color={ORDER_STATE_COLORS[o.state]}>{ORDER_STATE_NAMES[o.state]}</Tag>
            <Tag color={SIGNAL_COLORS[c.signal]}>信号：{SIGNAL_NAMES[c.signal]}</Tag>
          </Space>
        }
      />
      <Panel>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label="督办对象">
            <span style={{ whiteSpace: 'nowrap', marginRight: 4 }}>{ORDER_TARGET_KIND_NAMES[o.targetKind]}</span>
            {o.targetKind === 'case' && canClose ? <Link to={`/clocks/${o.targetId}`}>{o.targetId}</Link> : o.targetId}
          </Descriptions.Item>
          <Descriptions.Item label="责任部门">{o.responsibleDepartment}</Descriptions.Item>
          <Descriptions.Item label="责任人">{o.responsiblePerson ?? '部门负责人'}</Descriptions.Item>
          <Descriptions.Item label="发出">
            {o.issuedBy}，{dateTime(o.issuedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="办理期限">{o.deadlineWorkingDays} 个工作日</Descriptions.Item>
          <Descriptions.Item label="到期日">{limit?.dueDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="剩余">
            {left === undefined ? '—' : left < 0 ? `已超期 ${-left} 个工作日` : `${left} 个工作日`}
          </Descriptions.Item>
          <Descriptions.Item label="计时状态">{CLOCK_STATE_NAMES[c.state]}</Descriptions.Item>
        </Descriptions>
        <h2 style={{ fontSize: 16 }}>督办要求</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{o.requirement}</p>
        {limit && limit.explanation.length > 0 ? (
          <>
            <h2 style={{ fontSize: 16 }}>计时说明</h2>
            <ul>
              {limit.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Panel>
      <Panel title="办理记录">
        {o.replies.length === 0 && o.returns.length === 0 && !o.closedAt ? <p>尚未答复。</p> : null}
        <ul>
          {o.replies.map((r, i) => (
            <li key={`r${i}`}>
              {dateTime(r.at)} {r.by} 答复：{r.text}
            </li>
          ))}
          {o.returns.map((r, i) => (
            <li key={`t${i}`}>
              {dateTime(r.at)} {r.by} 退回：{r.reason}
            </li>
          ))}
          {o.closedAt ? (
            <li>
              {dateTime(o.closedAt)} {o.closedBy} 办结{o.closingNote ? `：${o.closingNote}` : ''}
            </li>
          ) : null}
        </ul>
      </Panel>
      {o.state === 'issued' || o.state === 'returned' ? (
        <ActForm act="reply" answer={loaded.data} onDone={loaded.reload} />
      ) : null}
      {o.state === 'replied' && canClose ? (
        <>
          <ActForm act="close" answer={loaded.data} onDone={loaded.reload} />
          <ActForm act="return" answer={loaded.data} onDone={loaded.reload} />
        </>
      ) : null}
    </>
  );
}
