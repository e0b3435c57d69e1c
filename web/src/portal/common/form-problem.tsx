import type { FormInstance } from 'antd';
import { Alert } from 'antd';
import { ApiError, formErrors, messageOf } from '../../shared/problem';

/**
 * Puts an API error on an antd form: each field's message under its field, the rest (the general message and
 * fields the form does not have) returned to be shown above the form.
 */
export function showOnForm(form: FormInstance, error: unknown, known: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [messageOf(error)];
  const { fields, rest } = formErrors(error.problem, known);
  form.setFields(fields);
  // The general message is enough when every field's message is already at its field.
  return fields.length > 0 && rest.length === 1 ? [`${rest[0]}，请按各栏提示修改`] : rest;
}

/** The messages of a failed form submission, above the form. */
export function FormMessages({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
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

/** A fresh idempotency key (8–64 of A-Za-z0-9_-) for one create or submit. */
export function idempotencyKey(prefix: string): string {
  // getRandomValues works on plain http too (randomUUID needs a secure context).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A link inside running text: underlined, so it is not told apart by colour alone (axe link-in-text-block). */
export const IN_TEXT_LINK = { textDecoration: 'underline' } as const;
