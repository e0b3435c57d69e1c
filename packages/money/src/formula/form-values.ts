/** A name a formula can write as a path segment (jsep identifiers; non-ASCII letters such as 房产 included). */
const SEGMENT = /^[A-Za-z_$\u0080-\uFFFF][\w$\u0080-\uFFFF]*$/;
const MAX_DEPTH = 32;

type SourceReviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/** Every JSON number as its exact source text ("1234567.89"), via JSON.parse source-text access (Node ≥ 21). */
const numbersAsText: SourceReviver = (_key, value, context) => {
  if (typeof value !== 'number') return value;
  if (typeof context?.source !== 'string') {
    throw new Error('JSON.parse source text access is not available: formNumbers needs Node 24');
  }
  return context.source;
};

/**
 * A case's form data (JSON text) as the flat values a fee formula reads: dotted path → text. Numbers arrive as their
 * exact decimal source text (never through a float), strings as they are (for choice fields), booleans as "true" /
 * "false". Arrays, null and keys that a formula cannot name (with dots, spaces…) are left out, as is anything
 * nested deeper than 32 levels. The result has no prototype. Throws SyntaxError for invalid JSON and TypeError when
 * the top level is not an object.
 */
export function formNumbers(formDataJson: string): Record<string, string> {
  const data: unknown = JSON.parse(formDataJson, numbersAsText as Parameters<typeof JSON.parse>[1]);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TypeError('表单数据必须是 JSON 对象');
  }
  const out: Record<string, string> = Object.create(null);
  const walk = (node: object, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const [key, value] of Object.entries(node)) {
      if (!SEGMENT.test(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') out[path] = value;
      else if (typeof value === 'boolean') out[path] = String(value);
      else if (typeof value === 'object' && value !== null && !Array.isArray(value)) walk(value, path, depth + 1);
    }
  };
  walk(data, '', 1);
  return out;
}
