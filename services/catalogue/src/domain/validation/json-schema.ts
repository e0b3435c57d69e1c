/**
 * A structural check of a JSON Schema against draft 2020-12, standing in for compiling it with Ajv (the domain
 * imports no libraries). It refuses what Ajv 2020 in its default strict mode refuses when compiling: keywords of
 * the wrong type or shape, unknown keywords (typos like "requried" fail instead of being ignored), unknown formats
 * (the ajv-formats list), invalid regular expressions, references that do not resolve within the schema, and
 * keywords strict mode calls ignored (if without then/else, $anchor). Verified case by case against ajv 8.20
 * (`ajv/dist/2020` + ajv-formats) while writing it; json-schema.test.ts keeps those cases.
 */

import { isPlainObject, resolveRef } from './json-schema-refs';

export interface SchemaProblem {
  /** Location inside the schema, e.g. ['properties', 'age', 'minimum']. */
  at: string[];
  reason: string;
  message: string;
}

export const DIALECT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

const TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'string', 'integer']);

/** Formats Ajv knows once ajv-formats is added (the server validates form data with them). */
const FORMATS = new Set([
  'date', 'time', 'date-time', 'iso-time', 'iso-date-time', 'duration', 'uri', 'uri-reference', 'uri-template',
  'url', 'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid', 'json-pointer', 'json-pointer-uri-fragment',
  'relative-json-pointer', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary',
]); // prettier-ignore

interface Walk {
  refs: { ref: string; at: string[] }[];
  problems: SchemaProblem[];
}

type KeywordCheck = (value: unknown, at: string[], walk: Walk) => void;

function where(at: string[]): string {
  return at.length === 0 ? '根节点' : at.join('.');
}

function problem(walk: Walk, at: string[], reason: string, message: string): void {
  walk.problems.push({ at, reason, message: `表单模式 ${where(at)}：${message}` });
}

function expect(test: (value: unknown) => boolean, what: string): KeywordCheck {
  return (value, at, walk) => {
    if (!test(value)) problem(walk, at, 'SCHEMA_KEYWORD', `应为${what}`);
  };
}

const isString = (value: unknown): boolean => typeof value === 'string';
const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

const anything: KeywordCheck = () => undefined;
const text = expect(isString, '字符串');
const number = expect(isNumber, '数字');
const count = expect(isCount, '非负整数');
const flag = expect((value) => typeof value === 'boolean', '布尔值');
const list = expect(Array.isArray, '数组');

const subschema: KeywordCheck = (value, at, walk) => checkSchema(value, at, walk);

const subschemaList: KeywordCheck = (value, at, walk) => {
  if (!Array.isArray(value) || value.length === 0) return problem(walk, at, 'SCHEMA_KEYWORD', '应为非空的模式数组');
  value.forEach((entry, i) => checkSchema(entry, [...at, String(i)], walk));
};

const subschemaMap: KeywordCheck = (value, at, walk) => {
  if (!isPlainObject(value)) return problem(walk, at, 'SCHEMA_KEYWORD', '应为对象（名称 → 模式）');
  for (const [key, entry] of Object.entries(value)) checkSchema(entry, [...at, key], walk);
};

/** True when `source` compiles as a regular expression in Unicode mode (as Ajv compiles `pattern`). */
export function validRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

const pattern: KeywordCheck = (value, at, walk) => {
  if (typeof value !== 'string') return problem(walk, at, 'SCHEMA_KEYWORD', '应为正则表达式字符串');
  if (!validRegExp(value)) problem(walk, at, 'SCHEMA_PATTERN', `“${value}”不是有效的正则表达式`);
};

const patternMap: KeywordCheck = (value, at, walk) => {
  if (!isPlainObject(value)) return problem(walk, at, 'SCHEMA_KEYWORD', '应为对象（正则表达式 → 模式）');
  for (const [key, entry] of Object.entries(value)) {
    if (!validRegExp(key)) problem(walk, [...at, key], 'SCHEMA_PATTERN', `“${key}”不是有效的正则表达式`);
    checkSchema(entry, [...at, key], walk);
  }
};

function uniqueStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every(isString) && new Set(value).size === value.length;
}

const stringList = expect(uniqueStrings, '不重复的字符串数组');

const stringListMap: KeywordCheck = (value, at, walk) => {
  if (!isPlainObject(value)) return problem(walk, at, 'SCHEMA_KEYWORD', '应为对象（属性名 → 字符串数组）');
  for (const [key, entry] of Object.entries(value)) stringList(entry, [...at, key], walk);
};

const positive = expect((value) => isNumber(value) && (value as number) > 0, '大于0的数字');

const type: KeywordCheck = (value, at, walk) => {
  const names = Array.isArray(value) ? value : [value];
  const ok =
    names.length > 0 &&
    names.every((n) => typeof n === 'string' && TYPES.has(n)) &&
    new Set(names).size === names.length;
  if (!ok) problem(walk, at, 'SCHEMA_TYPE', `应为 ${[...TYPES].join('、')} 之一，或由它们组成的不重复数组`);
};

const enumeration: KeywordCheck = (value, at, walk) => {
  if (!Array.isArray(value) || value.length === 0) problem(walk, at, 'SCHEMA_KEYWORD', '应为非空数组');
};

const format: KeywordCheck = (value, at, walk) => {
  if (typeof value !== 'string') return problem(walk, at, 'SCHEMA_KEYWORD', '应为字符串');
  if (!FORMATS.has(value)) problem(walk, at, 'SCHEMA_FORMAT', `未知的格式“${value}”`);
};

const dialect: KeywordCheck = (value, at, walk) => {
  if (value !== DIALECT_2020_12 && value !== `${DIALECT_2020_12}#`) {
    problem(walk, at, 'SCHEMA_DIALECT', `应使用 JSON Schema 2020-12（${DIALECT_2020_12}）`);
  }
};

const anchor: KeywordCheck = (value, at, walk) => {
  if (typeof value !== 'string' || !/^[A-Za-z_][-A-Za-z0-9._]*$/.test(value)) {
    problem(walk, at, 'SCHEMA_KEYWORD', '应为以字母或下划线开头的锚点名称');
  }
};

/** Ajv does not know $anchor (it fails in strict mode); $defs with '#/$defs/…' references do the same job. */
const unsupportedAnchor: KeywordCheck = (_value, at, walk) =>
  problem(walk, at, 'SCHEMA_UNKNOWN_KEYWORD', '不支持 $anchor，请把子模式放在 $defs 中并以 #/$defs/名称 引用');

/** draft-07 `dependencies` (Ajv 2020 still accepts it): each entry a list of property names or a schema. */
const dependencies: KeywordCheck = (value, at, walk) => {
  if (!isPlainObject(value)) return problem(walk, at, 'SCHEMA_KEYWORD', '应为对象（属性名 → 字符串数组或模式）');
  for (const [key, entry] of Object.entries(value)) {
    if (Array.isArray(entry)) stringList(entry, [...at, key], walk);
    else checkSchema(entry, [...at, key], walk);
  }
};

const reference: KeywordCheck = (value, at, walk) => {
  if (typeof value !== 'string') return problem(walk, at, 'SCHEMA_KEYWORD', '应为字符串');
  walk.refs.push({ ref: value, at });
};

const items: KeywordCheck = (value, at, walk) => {
  if (Array.isArray(value)) {
    return problem(walk, at, 'SCHEMA_KEYWORD', '在 2020-12 中应为单个模式；按位置约束数组元素请使用 prefixItems');
  }
  checkSchema(value, at, walk);
};

const KEYWORDS: Record<string, KeywordCheck> = {
  // core
  $schema: dialect,
  $id: text,
  $ref: reference,
  $anchor: unsupportedAnchor,
  $dynamicRef: text,
  $dynamicAnchor: anchor,
  $defs: subschemaMap,
  definitions: subschemaMap,
  $comment: text,
  $vocabulary: expect(isPlainObject, '对象'),
  // applicators
  prefixItems: subschemaList,
  items,
  contains: subschema,
  additionalProperties: subschema,
  properties: subschemaMap,
  patternProperties: patternMap,
  dependentSchemas: subschemaMap,
  propertyNames: subschema,
  if: subschema,
  then: subschema,
  else: subschema,
  allOf: subschemaList,
  anyOf: subschemaList,
  oneOf: subschemaList,
  not: subschema,
  unevaluatedItems: subschema,
  unevaluatedProperties: subschema,
  // validation
  type,
  const: anything,
  enum: enumeration,
  multipleOf: positive,
  maximum: number,
  exclusiveMaximum: number,
  minimum: number,
  exclusiveMinimum: number,
  maxLength: count,
  minLength: count,
  pattern,
  maxItems: count,
  minItems: count,
  uniqueItems: flag,
  maxContains: count,
  minContains: count,
  maxProperties: count,
  minProperties: count,
  required: stringList,
  dependentRequired: stringListMap,
  dependencies,
  /** OpenAPI's nullable, which Ajv accepts next to `type`. */
  nullable: flag,
  // meta-data, format, content
  title: text,
  description: text,
  default: anything,
  deprecated: flag,
  readOnly: flag,
  writeOnly: flag,
  examples: list,
  format,
  contentEncoding: text,
  contentMediaType: text,
  contentSchema: subschema,
};

function checkSchema(schema: unknown, at: string[], walk: Walk): void {
  if (typeof schema === 'boolean') return;
  if (!isPlainObject(schema)) return problem(walk, at, 'SCHEMA_NOT_OBJECT', '模式应为对象或布尔值');
  for (const [keyword, value] of Object.entries(schema)) {
    const check = Object.hasOwn(KEYWORDS, keyword) ? KEYWORDS[keyword] : undefined;
    if (check) check(value, [...at, keyword], walk);
    else problem(walk, [...at, keyword], 'SCHEMA_UNKNOWN_KEYWORD', `未知的关键字“${keyword}”（请检查拼写）`);
  }
  for (const [keyword, needs] of DEPENDENT_KEYWORDS) {
    if (Object.hasOwn(schema, keyword) && !needs.some((other) => Object.hasOwn(schema, other))) {
      problem(walk, [...at, keyword], 'SCHEMA_KEYWORD', `缺少 ${needs.join(' 或 ')}，该关键字不起作用`);
    }
  }
}

/** Keywords Ajv (strict) refuses without one of their companions, because they would be ignored. */
const DEPENDENT_KEYWORDS: [string, string[]][] = [
  ['if', ['then', 'else']],
  ['then', ['if']],
  ['else', ['if']],
  ['maxContains', ['contains']],
  ['minContains', ['contains']],
  ['nullable', ['type']],
];

/** Problems that would keep Ajv 2020 (strict) from compiling `schema`; [] when it compiles. */
export function checkJsonSchema(schema: unknown): SchemaProblem[] {
  const walk: Walk = { refs: [], problems: [] };
  checkSchema(schema, [], walk);
  for (const { ref, at } of walk.refs) {
    const target = resolveRef(schema, ref);
    const isSchema =
      typeof target === 'boolean' ||
      (isPlainObject(target) && Object.keys(target).every((k) => Object.hasOwn(KEYWORDS, k)));
    if (!isSchema) {
      problem(walk, at, 'SCHEMA_UNRESOLVED_REF', `引用“${ref}”无法解析：只能引用本模式内的定义，如 #/$defs/地址`);
    }
  }
  return walk.problems;
}
