import { useState } from 'react';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { api, call } from '../../shared/api';
import type { AskConsultationBody, Consultation } from '../../api/types';
import { CONSULTATION_VISIBILITY } from '../../shared/consultation-format';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { idempotencyKey } from '../common/form-problem';

interface Values {
  question: string;
  visibility?: Consultation['visibility'];
}

/**
 * A question about an item (公开答疑 or 单独答疑, C21) or a letter to the leader mailbox (领导信箱, C20), by a signed-in
 * person: one request id per filled-in form, so a second press after a lost answer asks nothing twice.
 */
export function AskForm({
  tenant,
  itemId,
  label,
  button,
  onAsked,
}: {
  tenant: string;
  /** The item asked about; none: the leader mailbox. */
  itemId?: string;
  label: string;
  button: string;
  onAsked?: (c: Consultation) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [asked, setAsked] = useState<Consultation>();
  const [requestId, setRequestId] = useState(() => idempotencyKey('consultation'));

  const submit = async (v: Values) => {
    setSending(true);
    setMessages([]);
    const body: AskConsultationBody = itemId
      ? {
          tenant,
          kind: 'question',
          itemId,
          visibility: v.visibility ?? 'public',
          question: v.question.trim(),
          requestId,
        }
      : { tenant, kind: 'mailbox', question: v.question.trim(), requestId };
    try {
      const c = (await call(api.POST('/api/v1/consultations', { body }))).consultation;
      setAsked(c);
      setRequestId(idempotencyKey('consultation'));
      form.resetFields();
      onAsked?.(c);
    } catch (e) {
      setMessages(showOnForm(form, e, ['question', 'visibility', 'itemId']));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {asked ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          message={`已提交，编号 ${asked.number}`}
          description="答复后可在“我的咨询”中查看。"
        />
      ) : null}
      <FormMessages messages={messages} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ visibility: 'public' }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 640 }}
        aria-label={label}
      >
        <Form.Item
          name="question"
          label={label}
          rules={[
            { required: true, whitespace: true, message: itemId ? '请填写您的问题' : '请填写来信内容' },
            { min: 10, max: 1000, message: '内容应为10至1000字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} showCount />
        </Form.Item>
        {itemId ? (
          <Form.Item
            name="visibility"
            label="答疑方式"
            extra="公开答疑：答复后所有登录用户可见（您的姓名不公开）；单独答疑：只有您和答复人员可见"
          >
            <Radio.Group
              options={(['public', 'private'] as const).map((v) => ({ value: v, label: CONSULTATION_VISIBILITY[v] }))}
            />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={sending}>
          {button}
        </Button>
      </Form>
    </>
  );
}
