import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';

/*
 * The form builder's check of a JSON Schema while it is typed: compiled by Ajv (JSON Schema 2020-12, strict, as
 * the catalogue checks it when the edition is submitted), each problem said in Chinese with where it is. The
 * catalogue stays the judge (its answer on submit is shown at the field too); this only shows problems sooner.
 */

const KEYWORD: Record<string, (e: ErrorObject) => string> = {
  type: (e) => `类型不对，应为 ${String((e.params as { type?: unknown }).type)}`,
  enum: () => '取值不在允许的范围内（如 type 只能是 string、number、integer、boolean、object、array、null）',
  required: (e) => `缺少 ${String((e.params as { missingProperty?: unknown }).missingProperty)}`,
  minimum: () => '数值过小',
  minItems: () => '至少需要一项',
  uniqueItems: () => '不能有重复项',
  format: () => '格式不正确',
  anyOf: () => '写法不符合 JSON Schema 的要求',
};

const at = (path: string) => (path === '' ? '根节点' : path.replace(/^\//, '').split('/').join('.'));

/** The first problem of `schema` as a JSON Schema 2020-12, in Chinese; undefined when it compiles. */
export function schemaProblem(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return '表单结构应为 JSON 对象（{…}）';
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  if (!ajv.validateSchema(schema)) {
    const errors = (ajv.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
    const e = errors[0] ?? ajv.errors?.[0];
    if (e) return `${at(e.instancePath)}：${(KEYWORD[e.keyword] ?? (() => '写法不符合 JSON Schema 的要求'))(e)}`;
  }
  try {
    ajv.compile(schema);
  } catch (err) {
    const text = err instanceof Error ? err.message : '';
    const unknown = /unknown keyword: "([^"]+)"/.exec(text);
    if (unknown) return `未知的关键字 "${unknown[1]}"（是否拼写有误？）`;
    const ref = /can't resolve reference (\S+)/.exec(text);
    if (ref) return `引用 ${ref[1]} 无法解析`;
    if (/pattern|regular expression|Invalid regular/i.test(text)) return '正则表达式（pattern）无效';
    return '表单结构无法编译，请检查关键字的写法';
  }
  const root = schema as { type?: unknown; properties?: unknown };
  if (root.type !== 'object') return '根节点的 type 应为 "object"';
  if (typeof root.properties !== 'object' || root.properties === null || Object.keys(root.properties).length === 0)
    return '表单至少需要一个字段（properties）';
  return undefined;
}
