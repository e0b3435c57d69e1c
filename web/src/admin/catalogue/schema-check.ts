/*
 * The form builder's first look at a JSON Schema while it is typed: what makes it no form at all (not an object,
 * a root that is not an object, no fields, a field type that JSON Schema does not have), said in Chinese with where
 * it is. The catalogue is the judge: it compiles the schema as JSON Schema 2020-12 when the edition is submitted
 * and its answer is shown under the editor too. (Compiling with Ajv here is not possible: Ajv generates code, and
 * the gateway's Content-Security-Policy rightly forbids eval.)
 */

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first wrong `type` under `schema` (properties, items, $defs), as its dotted place. */
function badType(schema: unknown, at: string[]): string | undefined {
  if (!isObject(schema)) return undefined;
  const type = schema.type;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t !== 'string' || !TYPES.has(t))) return [...at, 'type'].join('.');
  }
  for (const key of ['properties', '$defs'] as const) {
    const children = schema[key];
    if (!isObject(children)) continue;
    for (const [name, child] of Object.entries(children)) {
      const found = badType(child, [...at, key, name]);
      if (found) return found;
    }
  }
  return schema.items === undefined ? undefined : badType(schema.items, [...at, 'items']);
}

/** The first problem of `schema` as an item's form, in Chinese; undefined when none is seen here. */
export function schemaProblem(schema: unknown): string | undefined {
  if (!isObject(schema)) return '表单结构应为 JSON 对象（{…}）';
  const wrong = badType(schema, []);
  if (wrong) return `${wrong}：类型只能是 string、number、integer、boolean、object、array 或 null`;
  if (schema.type !== 'object') return '根节点的 type 应为 "object"';
  if (!isObject(schema.properties) || Object.keys(schema.properties).length === 0)
    return '表单至少需要一个字段（properties）';
  return undefined;
}
