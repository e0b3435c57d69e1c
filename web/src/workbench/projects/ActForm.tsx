import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import { showOnForm } from '../../shared/form-messages';

/** One act on the project: a one-field form, the service's refusal at the field, the project reloaded after. */
export function ActForm({
  title,
  field,
  label,
  button,
  done,
  act,
  children,
}: {
  title: string;
  field: string;
  label: string;
  button: string;
  done: string;
  act: (value: string) => Promise<unknown>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await act(values[field]!.trim());
      form.resetFields();
      setMessage({ ok: true, text: done });
    } catch (error) {
      const messages = showOnForm(form, error, [field]);
      if (messages.length > 0) setMessage({ ok: false, text: messages.join('；') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" requiredMark onFinish={(v) => void submit(v)} style={{ maxWidth: 480 }}>
        <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          {children}
        </Form.Item>
        {message ? (
          <Alert
            type={message.ok ? 'success' : 'error'}
            showIcon
            role={message.ok ? 'status' : 'alert'}
            style={{ marginBottom: 16 }}
            message={message.text}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {button}
        </Button>
      </Form>
    </Card>
  );
}
