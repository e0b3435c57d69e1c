import type { FormInstance } from 'antd';
import { ApiError, formErrors, messageOf } from '../../shared/problem';

/**
 * Shows an API error on a form: each field's message under the field (problem+json `errors`), and a conflict the
 * service reports without a field (`WINDOW_NUMBER_TAKEN`…) under the field `byCode` names; `rename` maps a reported
 * field to the form's (`phones.2` → `phones`). Returns what must be
 * shown above the form (the general message when no field took it, and messages of fields the form does not have).
 */
export function showOnForm(
  form: FormInstance,
  error: unknown,
  known: readonly string[],
  byCode: Record<string, string> = {},
  rename: (name: string) => string = (name) => name,
): string[] {
  if (!(error instanceof ApiError)) return [messageOf(error)];
  const problem = error.problem;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(problem.fields)) {
    const to = rename(name);
    fields[to] = fields[to] && fields[to] !== message ? `${fields[to]}；${message}` : message;
  }
  const field = byCode[problem.code];
  if (field && !fields[field]) fields[field] = problem.message;
  const split = formErrors({ ...problem, fields }, known);
  form.setFields(split.fields as Parameters<FormInstance['setFields']>[0]);
  return split.fields.length > 0 ? split.rest.slice(1) : split.rest;
}
