import { useState } from 'react';
import { Button, Form, Input, Radio } from 'antd';
import { chosen } from './chosen';
import { FormMessages, showOnForm } from './form-messages';
import { isBadLevel, ratingChoices } from './rating-levels';

/** The level and the reason, as every form of a rating asks them (the reason required for 1 and 2). */
export function LevelAndReason({ bad, large = false }: { bad: boolean; large?: boolean }) {
  return (
    <>
      <Form.Item name="level" label="满意程度" rules={chosen('请选择满意程度')}>
        <Radio.Group optionType="button" buttonStyle={large ? 'solid' : undefined} options={ratingChoices()} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={bad ? '不满意的理由（必填）' : '意见和建议（选填）'}
        rules={bad ? [{ required: true, whitespace: true, min: 2, message: '请说明不满意的理由（至少2个字）' }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </>
  );
}

export interface RatingValues {
  level: number;
  /** Trimmed; absent when left empty. */
  reason?: string;
}

/**
 * The five-level rating with its reason (required for 不满意 and 非常不满意), as every rater sees it: the portal's
 * 一事一评 and the window device's 一次一评. `send` makes the call; its refusal is shown at the fields it names.
 */
export function RatingForm({
  send,
  large = false,
}: {
  send: (values: RatingValues) => Promise<unknown>;
  large?: boolean;
}) {
  const [form] = Form.useForm<{ level?: number; reason?: string }>();
  const level = Form.useWatch('level', form);
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const bad = isBadLevel(level);
  const submit = async (v: { level?: number; reason?: string }) => {
    setBusy(true);
    setMessages([]);
    try {
      const reason = v.reason?.trim();
      await send({ level: v.level ?? 0, ...(reason ? { reason } : {}) });
    } catch (e) {
      setMessages(showOnForm(form, e, ['level', 'reason']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <FormMessages messages={messages} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        aria-label="评价本次服务"
        size={large ? 'large' : undefined}
      >
        <LevelAndReason bad={bad} large={large} />
        <Button type="primary" htmlType="submit" loading={busy} size={large ? 'large' : undefined}>
          提交评价
        </Button>
      </Form>
    </>
  );
}
