import type { Violation } from '@govhall/errors';
import { normalizeText, textViolations } from '@govhall/identifiers';

/**
 * A free text of `min` to `max` characters at `field` (named `label` to people): too short is REQUIRED, otherwise
 * @govhall/identifiers' checks (length, control and invisible characters); stored normalised. Pushes what is wrong
 * to `v` and answers '' then.
 */
export function textOf(field: string, label: string, value: string, min: number, max: number, v: Violation[]): string {
  const text = value ?? '';
  if (text.trim().length < min) {
    v.push({ path: field, reason: 'REQUIRED', message: `请填写${label}（至少${min}个字）` });
    return '';
  }
  v.push(...(textViolations(field, text, { label, max, multiline: true }) as Violation[]));
  return normalizeText(text, true);
}
