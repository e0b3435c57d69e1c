/**
 * An item's form as the catalogue holds it: the JSON Schema and the UI schema as JSON text (either may be empty:
 * no form, or no layout hints). Parsed for the renderer; a text that is not a JSON object is a reason to show, not
 * an exception (the form builder previews what an administrator is typing).
 */
export type ParsedForm =
  | { ok: true; schema: Record<string, unknown>; uiSchema: Record<string, unknown> }
  | { ok: false; field: 'jsonSchema' | 'uiSchema'; message: string };

function parseObject(text: string, what: string): { value: Record<string, unknown> } | { message: string } {
  if (text.trim() === '') return { value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { message: `${what}不是有效的 JSON：${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { message: `${what}应为 JSON 对象（{…}）` };
  return { value: value as Record<string, unknown> };
}

export function parseForm(jsonSchema: string, uiSchema: string): ParsedForm {
  const schema = parseObject(jsonSchema, '表单结构（JSON Schema）');
  if ('message' in schema) return { ok: false, field: 'jsonSchema', message: schema.message };
  const ui = parseObject(uiSchema, '界面设置（UI Schema）');
  if ('message' in ui) return { ok: false, field: 'uiSchema', message: ui.message };
  return { ok: true, schema: schema.value, uiSchema: ui.value };
}
