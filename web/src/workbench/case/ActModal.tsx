import { useState, type ReactNode } from 'react';
import { Button, Form, Modal, type FormInstance } from 'antd';
import type { Case } from '../../api/types';
import { ApiError, messageOf } from '../../shared/problem';
import { FormMessages } from '../../shared/form-messages';

/** A field name the API reports (`problems[0].message`, `reasons.1`) as the form's dotted name. */
export function dottedField(name: string): string {
  return name.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
}

/** A dotted name as an antd form path: numbers become list indices. */
export function formPath(name: string): (string | number)[] {
  return name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export { chosen } from '../../shared/chosen';

export interface ActModalProps<V, R = Case> {
  /** The button on the case page, and the dialog's title unless `title` says otherwise. */
  label: string;
  title?: string;
  /** What the act does, in a sentence the clerk reads before confirming. */
  intro?: ReactNode;
  okText?: string;
  danger?: boolean;
  primary?: boolean;
  /** A small button (in a table's row). */
  small?: boolean;
  initialValues?: Partial<V>;
  /** The form's fields (Form.Item with `name`s the API's field names map to). */
  children?: (form: FormInstance<V>) => ReactNode;
  /** Which of the API's field names (dotted) are fields of this form; the rest are shown above the form. */
  isField?: (name: string) => boolean;
  /** A field the API names that is shown at another form field (`problems.0` → `problems.0.message`). */
  rename?: (name: string) => string;
  /** Sends the act; answers the case (or what else the act acts on) after it. */
  submit: (values: V) => Promise<R>;
  /** The case after the act and the sentence that says what was done. */
  onDone: (c: R, done: string) => void;
  done: string;
}

/**
 * One act on a case (or on a joint review): a button that opens a dialog with what the act does, its fields and a confirming button. The
 * API's refusal is shown where it belongs: each field's message under the field, the rest above the form; the
 * dialog stays open so the clerk can correct and send again.
 */
export function ActModal<V extends object, R = Case>(props: ActModalProps<V, R>) {
  const { label, title, intro, okText, danger, primary, small, initialValues, children, isField, rename, submit } =
    props;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [form] = Form.useForm<V>();

  const send = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    setBusy(true);
    setErrors([]);
    try {
      const c = await submit(values);
      setOpen(false);
      form.resetFields();
      props.onDone(c, props.done);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setErrors([messageOf(e)]);
        return;
      }
      const rest: string[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const [raw, message] of Object.entries(e.problem.fields)) {
        const name = (rename ?? ((n: string) => n))(dottedField(raw));
        if (isField?.(name)) fields.push({ name: formPath(name), errors: [message] });
        else rest.push(message);
      }
      form.setFields(fields as never);
      setErrors([e.problem.message, ...rest.filter((m) => m !== e.problem.message)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        size={small ? 'small' : undefined}
        danger={danger}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={title ?? label}
        okText={okText ?? `确认${label}`}
        cancelText="取消"
        okButtonProps={{ danger, loading: busy }}
        onOk={() => void send()}
        onCancel={() => {
          setOpen(false);
          setErrors([]);
        }}
        destroyOnHidden
        width={720}
      >
        {intro ? <div style={{ marginBottom: 12 }}>{intro}</div> : null}
        <FormMessages messages={errors} gap={12} />
        <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
          {children?.(form)}
        </Form>
      </Modal>
    </>
  );
}
