import type { Violation } from '@govhall/errors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
};

function typeOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: Json, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/**
 * The window's stand-in for the form validator: the form data must be a JSON object, the schema's top-level
 * `required` properties present and each declared property of its declared type, with `minLength` / `maxLength`,
 * `minimum` / `maximum`, `pattern` and `enum` checked at the top level. The declaration's full JSON Schema 2020-12
 * validator (SubmitCase) replaces it once on main (TODO(issue 10)): both answer violations under `formData`.
 */
export class WindowFormCheck {
  validate(jsonSchema: string, formData: string): Violation[] {
    let data: Json;
    try {
      data = JSON.parse(formData) as Json;
    } catch {
      return [{ path: 'formData', reason: 'JSON', message: '表单数据不是有效的JSON' }];
    }
    if (typeOf(data) !== 'object') return [{ path: 'formData', reason: 'TYPE', message: '表单数据应为JSON对象' }];
    if (!jsonSchema.trim()) return [];
    const schema = JSON.parse(jsonSchema) as {
      required?: string[];
      properties?: Record<string, Record<string, Json>>;
    };
    const form = data as Record<string, Json>;
    const v: Violation[] = [];
    for (const name of schema.required ?? []) {
      if (form[name] === undefined || form[name] === '') {
        const title = schema.properties?.[name]?.title;
        v.push({
          path: `formData.${name}`,
          reason: 'REQUIRED',
          message: `请填写${typeof title === 'string' ? title : name}`,
        });
      }
    }
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const value = form[name];
      if (value === undefined) continue;
      const label = typeof prop.title === 'string' ? prop.title : name;
      const path = `formData.${name}`;
      if (typeof prop.type === 'string' && !matchesType(value, prop.type)) {
        v.push({ path, reason: 'TYPE', message: `${label}应为${TYPE_NAMES[prop.type] ?? prop.type}` });
        continue;
      }
      if (Array.isArray(prop.enum) && !prop.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
        v.push({ path, reason: 'ENUM', message: `${label}应为以下之一：${prop.enum.join('、')}` });
      }
      if (typeof value === 'string') {
        const length = [...value].length;
        if (typeof prop.minLength === 'number' && length < prop.minLength) {
          v.push({ path, reason: 'LENGTH', message: `${label}至少${prop.minLength}个字符` });
        }
        if (typeof prop.maxLength === 'number' && length > prop.maxLength) {
          v.push({ path, reason: 'LENGTH', message: `${label}不能超过${prop.maxLength}个字符` });
        }
        if (typeof prop.pattern === 'string' && !new RegExp(prop.pattern, 'u').test(value)) {
          v.push({ path, reason: 'PATTERN', message: `${label}格式不正确` });
        }
      }
      if (typeof value === 'number') {
        if (typeof prop.minimum === 'number' && value < prop.minimum) {
          v.push({ path, reason: 'RANGE', message: `${label}不能小于${prop.minimum}` });
        }
        if (typeof prop.maximum === 'number' && value > prop.maximum) {
          v.push({ path, reason: 'RANGE', message: `${label}不能大于${prop.maximum}` });
        }
      }
    }
    return v;
  }
}
