import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, Radio } from 'antd';
import { api, call } from '../../shared/api';
import type { OpenLiveSessionBody } from '../../api/types';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { bookingSlots } from '../../shared/live-session-format';
import { idempotencyKey } from '../common/form-problem';
import { NativeSelect } from '../../shared/native-select';

interface Values {
  question: string;
  when: 'now' | 'booked';
  bookedFor?: string;
}

/**
 * 在线咨询 (C18): a signed-in person asks the item's window staff live, now or at a booked half hour of a working
 * day, and goes to the session's page to talk. One request id per filled-in form.
 */
export function LiveStart({ tenant, itemId }: { tenant: string; itemId: string }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [messages, setMessages] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [requestId] = useState(() => idempotencyKey('live'));
  const when = Form.useWatch('when', form);
  const slots = useMemo(() => bookingSlots(new Date()), []);

  const submit = async (v: Values) => {
    setSending(true);
    setMessages([]);
    const body: OpenLiveSessionBody = {
      tenant,
      itemId,
      question: v.question.trim(),
      ...(v.when === 'booked' && v.bookedFor ? { bookedFor: v.bookedFor } : {}),
      requestId,
    };
    try {
      const s = (await call(api.POST('/api/v1/live-consultations', { body }))).session;
      navigate(`/consultations/live/${s.id}`);
    } catch (e) {
      setMessages(showOnForm(form, e, ['question', 'bookedFor', 'itemId']));
      setSending(false);
    }
  };

  return (
    <>
      <FormMessages messages={messages} />
      <Form<Values>
        form={form}
        name="live"
        layout="vertical"
        requiredMark
        initialValues={{ when: 'now' }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 640 }}
        aria-label="在线咨询窗口人员"
      >
        <Form.Item
          name="question"
          label="想问的问题"
          rules={[
            { required: true, whitespace: true, message: '请填写您想问的问题' },
            { max: 500, message: '问题不超过500字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="when" label="咨询时间" extra="工作日9:00至17:00有窗口人员在线；也可以预约半小时的时段">
          <Radio.Group
            options={[
              { value: 'now', label: '现在咨询' },
              { value: 'booked', label: '预约时间' },
            ]}
          />
        </Form.Item>
        {when === 'booked' ? (
          <Form.Item
            name="bookedFor"
            label="预约时段"
            htmlFor="live_bookedFor"
            rules={[{ required: true, message: '请选择预约时段' }]}
          >
            <NativeSelect id="live_bookedFor" options={slots} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={sending}>
          {when === 'booked' ? '提交预约' : '开始在线咨询'}
        </Button>
      </Form>
    </>
  );
}
