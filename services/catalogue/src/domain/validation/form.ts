import type { ItemContent } from '../item-content';
import { checkJsonSchema } from './json-schema';
import { isPlainObject, resolveRef } from './json-schema-refs';
import { Violations } from './violations';

const MAX_SCHEMA_CHARS = 200_000;

export type Parsed = { ok: true; value: unknown } | { ok: false; position?: number };

/** JSON.parse without throwing; the position of the error when the engine tells it. */
export function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    return position === undefined ? { ok: false } : { ok: false, position: Number(position) };
  }
}

function checkParses(path: string, text: string, label: string, v: Violations): void {
  if (text.trim() === '' || !v.maxCharacters(path, text, label, MAX_SCHEMA_CHARS)) return;
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const where = parsed.position === undefined ? '' : `（约第${parsed.position + 1}个字符处）`;
    v.add(path, 'JSON_PARSE', `${label}不是合法的 JSON${where}，请检查括号、引号和逗号`);
  }
}

export function checkFormShape(content: ItemContent, v: Violations): void {
  checkParses('content.form.jsonSchema', content.form.jsonSchema, '申请表单的 JSON Schema', v);
  checkParses('content.form.uiSchema', content.form.uiSchema, '申请表单的界面配置（UI Schema）', v);
}

/**
 * The parsed form schema when it is a usable form: valid JSON Schema 2020-12 whose root is an object with at
 * least one property. Problems are reported under content.form.jsonSchema[.location inside the schema].
 */
export function checkFormComplete(content: ItemContent, v: Violations): Record<string, unknown> | undefined {
  const path = 'content.form.jsonSchema';
  let schema: Record<string, unknown> | undefined;
  if (content.form.jsonSchema.trim() === '') {
    v.add(path, 'REQUIRED', '请填写申请表单（JSON Schema）');
  } else {
    const parsed = parseJson(content.form.jsonSchema);
    if (parsed.ok) schema = checkFormSchema(parsed.value, v);
  }
  if (content.form.uiSchema.trim() !== '') {
    const ui = parseJson(content.form.uiSchema);
    if (ui.ok && !isPlainObject(ui.value)) {
      v.add('content.form.uiSchema', 'UI_SCHEMA_NOT_OBJECT', '界面配置（UI Schema）应为 JSON 对象');
    }
  }
  return schema;
}

function checkFormSchema(value: unknown, v: Violations): Record<string, unknown> | undefined {
  const path = 'content.form.jsonSchema';
  const problems = checkJsonSchema(value);
  for (const p of problems) v.add([path, ...p.at].join('.'), p.reason, p.message);
  if (!isPlainObject(value)) return undefined;
  if (value.type !== 'object') {
    v.add(`${path}.type`, 'FORM_NOT_OBJECT', '申请表单的根节点应为对象（"type": "object"）');
  }
  const properties = value.properties;
  if (!isPlainObject(properties) || Object.keys(properties).length === 0) {
    v.add(`${path}.properties`, 'FORM_NO_FIELDS', '申请表单应至少包含一个字段（properties）');
  }
  return problems.length === 0 ? value : undefined;
}

/** Schemas that contribute properties at a node: itself, its local $ref target and its combinator branches. */
function branches(root: unknown, node: unknown, seen = new Set<unknown>()): Record<string, unknown>[] {
  if (!isPlainObject(node) || seen.has(node)) return [];
  seen.add(node);
  const out = [node];
  if (typeof node.$ref === 'string') out.push(...branches(root, resolveRef(root, node.$ref), seen));
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const entry of list) out.push(...branches(root, entry, seen));
  }
  for (const key of ['then', 'else']) out.push(...branches(root, node[key], seen));
  return out;
}

/**
 * True when the dotted `field` ("applicant.idNumber", "members.0.name") names a field of the form: each
 * segment is a property of the current object schema (or an index into an array schema's items).
 */
export function formHasField(schema: Record<string, unknown>, field: string): boolean {
  let nodes: unknown[] = [schema];
  for (const segment of field.split('.')) {
    const next: unknown[] = [];
    for (const node of nodes) {
      for (const branch of branches(schema, node)) {
        const properties = branch.properties;
        if (isPlainObject(properties) && Object.hasOwn(properties, segment)) next.push(properties[segment]);
        if (/^\d+$/.test(segment)) {
          const prefix = branch.prefixItems;
          if (Array.isArray(prefix) && Number(segment) < prefix.length) next.push(prefix[Number(segment)]);
          else if (branch.items !== undefined) next.push(branch.items);
        }
      }
    }
    if (next.length === 0) return false;
    nodes = next;
  }
  return true;
}
