import type { FormInstance } from 'antd';
import { Alert } from 'antd';
import { ApiError, formErrors, messageOf } from './problem';

/**
 * Puts an API error on an antd form: each field's message under its field, the rest (the general message and
 * fields the form does not have) returned to be shown above the form.
 */
export function showOnForm(form: FormInstance, error: unknown, known: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [messageOf(error)];
  const { fields, rest } = formErrors(error.problem, known);
  form.setFields(fields);
  // The general message is enough when every field's message is already at its field; it points at them unless it
  // already does (the gateway's 请按提示修改后重试).
  if (fields.length === 0 || rest.length !== 1) return rest;
  const general = rest[0]!;
  return [general.includes('提示') ? general : `${general}，请按各栏提示修改`];
}

/** The messages of a failed form submission, above the form. */
export function FormMessages({ messages, gap = 16 }: { messages: string[]; gap?: number }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: gap }}
      message={messages[0]}
      description={
        messages.length > 1 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {messages.slice(1).map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
