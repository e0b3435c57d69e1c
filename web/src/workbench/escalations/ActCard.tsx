import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import { renameFields } from '../../shared/problem';
import { FormMessages, showOnForm } from '../../shared/form-messages';

/** A list item's violation (`reasons.0`, `caseFileIds.2`) is shown at the list's own field. */
const atListFields = (error: unknown) => renameFields(error, (name) => name.replace(/\.\d+$/, ''));

/**
 * One act on an escalation: its form, the service's refusals at their fields (the rest above the button), a note
 * once done; `act` answers when the record changed (the page reloads it).
 */
export function ActCard<V extends object>({
  title,
  fields,
  button,
  done,
  act,
  initialValues,
  danger,
  children,
}: {
  title: string;
  fields: readonly string[];
  button: string;
  done: string;
  act: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  danger?: boolean;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [ok, setOk] = useState(false);
  const submit = async (values: V) => {
    setBusy(true);
    setErrors([]);
    setOk(false);
    try {
      await act(values);
      form.resetFields();
      setOk(true);
    } catch (error) {
      setErrors(showOnForm(form, atListFields(error), fields));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 640 }}
      >
        {children}
        <FormMessages messages={errors} />
        {ok ? <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={done} /> : null}
        <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
          {button}
        </Button>
      </Form>
    </Card>
  );
}
