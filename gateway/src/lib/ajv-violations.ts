import type { FastifySchemaValidationError } from 'fastify/types/schema';
import type { Violation } from '@govhall/errors';
import { patternHint } from './common.schemas';

const TYPE_NAMES: Record<string, string> = {
  string: '文本（字符串）',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  null: '空值（null）',
};

const FORMAT_NAMES: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  time: '时间（HH:mm:ss）',
  'date-time': '时间戳（ISO 8601，如 2026-11-26T08:30:00+08:00）',
  email: '电子邮箱地址',
  uri: '网址',
  url: '网址',
  uuid: 'UUID',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  hostname: '主机名',
  regex: '正则表达式',
};

type Params = Record<string, unknown>;

const quote = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function typeNames(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join('或');
}

/**
 * The Chinese message of each Ajv keyword, from the keyword's params alone: Ajv's own `message` is English and is
 * never shown. A keyword missing here gets a general message rather than English.
 */
const MESSAGE_BY_KEYWORD: Record<string, (p: Params) => string> = {
  required: () => '必填项不能为空',
  additionalProperties: () => '不允许出现此字段',
  type: (p) => `类型不正确，应为${typeNames(p.type)}`,
  pattern: (p) => {
    const hint = patternHint(String(p.pattern));
    return hint ? `格式不正确：${hint}` : '格式不正确';
  },
  format: (p) => `格式不正确，应为${FORMAT_NAMES[String(p.format)] ?? '规定的格式'}`,
  enum: (p) =>
    `取值不在允许范围内，应为以下之一：${((p.allowedValues as unknown[] | undefined) ?? []).map(quote).join('、')}`,
  const: (p) => `取值应为 ${quote(p.allowedValue)}`,
  minLength: (p) => `长度过短，至少 ${String(p.limit)} 个字符`,
  maxLength: (p) => `长度过长，最多 ${String(p.limit)} 个字符`,
  minimum: (p) => `数值过小，不能小于 ${String(p.limit)}`,
  maximum: (p) => `数值过大，不能大于 ${String(p.limit)}`,
  exclusiveMinimum: (p) => `数值过小，应大于 ${String(p.limit)}`,
  exclusiveMaximum: (p) => `数值过大，应小于 ${String(p.limit)}`,
  multipleOf: (p) => `数值应为 ${String(p.multipleOf)} 的整数倍`,
  minItems: (p) => `条目过少，至少 ${String(p.limit)} 项`,
  maxItems: (p) => `条目过多，最多 ${String(p.limit)} 项`,
  uniqueItems: (p) => `不能有重复的条目（第 ${Number(p.j) + 1} 项与第 ${Number(p.i) + 1} 项相同）`,
  minProperties: (p) => `字段过少，至少 ${String(p.limit)} 个`,
  maxProperties: (p) => `字段过多，最多 ${String(p.limit)} 个`,
  // JSON Schema draft-07 (Fastify's Ajv) names it `dependencies`; 2019-09 split it into dependentRequired.
  dependencies: (p) => `填写了 ${String(p.property)} 时，${String(p.missingProperty)} 也必须填写`,
  dependentRequired: (p) => `填写了 ${String(p.property)} 时，${String(p.missingProperty)} 也必须填写`,
  propertyNames: () => '字段名不符合要求',
  anyOf: () => '不符合任何一种允许的格式',
  oneOf: () => '应恰好符合一种允许的格式',
  not: () => '取值不被允许',
  if: () => '不符合条件要求',
  contains: () => '缺少符合要求的条目',
};

/** Turns schema validation errors into {path, message} with the offending field named, in Chinese. */
export function violationsFromAjv(errors: FastifySchemaValidationError[], context: string | undefined): Violation[] {
  return errors.map((e) => {
    const params = (e.params ?? {}) as Params;
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
    const path = [context && context !== 'body' ? context : '', base, extra ?? ''].filter(Boolean).join('.');
    const message = MESSAGE_BY_KEYWORD[e.keyword]?.(params) ?? '不符合要求';
    return { path: path || (context ?? ''), message, reason: e.keyword.toUpperCase() };
  });
}
