/**
 * What a form's JSON Schema check says about each problem, in Chinese, naming the field by its schema `title`:
 * one mapping for the server (formDataViolations) and the web apps' form renderer (web/src/shared/item-form), so a
 * person reads the same sentence at a field before and after submitting. Pure: no Ajv instance, only the shape of
 * an Ajv error (compiled with `verbose: true`, so `parentSchema` is there), so the browser bundle imports the source file (web/vite.config.mts alias `@govhall/content/form-messages`).
 */

/** A problem at a field (the shape of @govhall/errors' Violation; this file imports nothing). */
export interface FieldViolation {
  path: string;
  reason: string;
  message: string;
}

/** The part of an Ajv `ErrorObject` the messages read. */
export interface SchemaError {
  keyword: string;
  /** JSON pointer of the value (`/applicant/idNumber`). */
  instancePath: string;
  params: Record<string, unknown> | object;
  /** The schema holding the failed keyword. */
  parentSchema?: unknown;
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

/** One schema error as a Violation at `root.<dotted field path>`. */
export function violationOf(e: SchemaError, root: string): FieldViolation {
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
