import type { Violation } from '@govhall/errors';
import { normalizeText, textViolations, type TextRule } from '@govhall/identifiers';

/** A person's text field checked by the shared safe-text rule (ADR 0013); answers it normalised. */
export function textField(v: Violation[], path: string, input: string, rule: TextRule): string {
  v.push(...(textViolations(path, input, rule) as Violation[]));
  return normalizeText(input, rule.multiline);
}

/** A code of capital letters, digits and "-" (register codes, revenue codes). */
export function codeField(v: Violation[], path: string, input: string, label: string, pattern: RegExp): string {
  const value = input.trim().toUpperCase();
  if (!value) v.push({ path, reason: 'REQUIRED', message: `请填写${label}` });
  else if (!pattern.test(value)) v.push({ path, reason: 'PATTERN', message: `${label}格式不正确` });
  return value;
}
