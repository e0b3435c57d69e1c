import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PreconditionError, type Violation } from '@govhall/errors';

/**
 * Form data (JSON text) checked against a form's JSON Schema 2020-12 with Ajv, as the catalogue's schema check
 * promises (its json-schema.ts refuses what Ajv 2020 strict would not compile, with the ajv-formats formats).
 * Every problem is a Violation at the field's dotted path under `root` (`formData.applicant.idNumber`), in Chinese,
 * naming the field by its schema `title` when it has one.
 */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; violation: Violation };

/** JSON text that must be an object (a form's data); `path` names it in the violation. */
export function parseFormData(text: string, path = 'formData'): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text);
  } catch {
    return { ok: false, violation: { path, reason: 'JSON_PARSE', message: '表单数据不是有效的 JSON' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, violation: { path, reason: 'JSON_OBJECT', message: '表单数据应为 JSON 对象（{…}）' } };
  }
  return { ok: true, value };
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  null: '空值',
};

const FORMAT_NAMES: Record<string, string> = {
  date: '日期（如 2026-03-02）',
  'date-time': '日期时间',
  time: '时间',
  email: '电子邮箱地址',
  uri: '网址',
  url: '网址',
  uuid: 'UUID',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  hostname: '主机名',
};

/** JSON pointer → dotted path ('/applicant/idNumber' → 'applicant.idNumber'). */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function titleOf(schema: unknown, fallback: string): string {
  const title = (schema as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title.trim() !== '' ? title : fallback;
}

function violationOf(e: ErrorObject, root: string): Violation {
  let field = dotted(e.instancePath);
  const fieldSchema = e.keyword === 'required' ? undefined : e.parentSchema;
  const name = () => `“${titleOf(fieldSchema, field || '表单')}”`;
  const at = (f: string) => (f ? `${root}.${f}` : root);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      field = field ? `${field}.${missing}` : missing;
      const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      return { path: at(field), reason: 'REQUIRED', message: `请填写“${titleOf(props?.[missing], field)}”` };
    }
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join('或');
      return { path: at(field), reason: 'TYPE', message: `${name()}应为${types}` };
    }
    case 'format': {
      const format = String(p.format);
      return { path: at(field), reason: 'FORMAT', message: `${name()}应为有效的${FORMAT_NAMES[format] ?? format}` };
    }
    case 'pattern':
      return { path: at(field), reason: 'PATTERN', message: `${name()}的格式不正确` };
    case 'minLength':
      return { path: at(field), reason: 'LENGTH', message: `${name()}至少应有${String(p.limit)}个字符` };
    case 'maxLength':
      return { path: at(field), reason: 'LENGTH', message: `${name()}不能超过${String(p.limit)}个字符` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = {
        minimum: '不能小于',
        exclusiveMinimum: '应大于',
        maximum: '不能大于',
        exclusiveMaximum: '应小于',
      };
      return { path: at(field), reason: 'RANGE', message: `${name()}${words[e.keyword]}${String(p.limit)}` };
    }
    case 'minItems':
      return { path: at(field), reason: 'COUNT', message: `${name()}至少应有${String(p.limit)}项` };
    case 'maxItems':
      return { path: at(field), reason: 'COUNT', message: `${name()}不能超过${String(p.limit)}项` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('、');
      return { path: at(field), reason: 'ENUM', message: `${name()}应为以下之一：${allowed}` };
    }
    case 'const':
      return { path: at(field), reason: 'ENUM', message: `${name()}应为 ${JSON.stringify(p.allowedValue)}` };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(p.additionalProperty ?? p.unevaluatedProperty);
      const path = field ? `${field}.${extra}` : extra;
      return { path: at(path), reason: 'UNKNOWN_FIELD', message: `申请表单中没有字段“${path}”，请删除` };
    }
    default:
      return { path: at(field), reason: e.keyword.toUpperCase(), message: `${name()}不符合填写要求` };
  }
}

const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
addFormats(ajv);

/** Compiled validators by schema text (forms are few and immutable per edition). */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

function validatorFor(schemaText: string): ValidateFunction {
  const hit = compiled.get(schemaText);
  if (hit) return hit;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(JSON.parse(schemaText) as object);
  } catch {
    throw new PreconditionError('FORM_SCHEMA_INVALID', '该事项的申请表单定义有误，暂时无法校验，请联系政务服务中心');
  }
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(schemaText, validate);
  return validate;
}

/**
 * The violations of `data` against the form schema (JSON text; empty = no form, anything goes), each at
 * `root.<field path>`. A schema that does not compile is FAILED_PRECONDITION FORM_SCHEMA_INVALID (the catalogue
 * should not have published it).
 */
export function formDataViolations(schemaText: string, data: unknown, root = 'formData'): Violation[] {
  if (schemaText.trim() === '') return [];
  const validate = validatorFor(schemaText);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const e of validate.errors ?? []) {
    // if/then and anyOf report a summary beside the real problems: keep what names a field.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'allOf') continue;
    const v = violationOf(e, root);
    const key = `${v.path}|${v.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
