import type { Item } from './item';
import { emptyContent } from './item-content';

/** One changed field between two editions; `before`/`after` are JSON, '' when the field is absent on that side. */
export interface FieldChange {
  path: string;
  before: string;
  after: string;
}

const IDENTITY_FIELDS = ['name', 'basicCode', 'kind', 'handlingCategory', 'department'] as const;
/** Content fields in the order of the 实施清单, so a diff reads like the guide. */
const CONTENT_ORDER = Object.keys(emptyContent());

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const json = (v: Json): string => (v === undefined ? '' : JSON.stringify(v));

/** Keys of both sides: those in `order` first (in that order), then the others alphabetically. */
function keysOf(a: Record<string, Json>, b: Record<string, Json>, order: readonly string[] = []): string[] {
  const all = new Set([...Object.keys(a), ...Object.keys(b)]);
  const known = order.filter((k) => all.has(k));
  const rest = [...all].filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

function compare(path: string, a: Json, b: Json, out: FieldChange[], order?: readonly string[]): void {
  if (isObject(a) && isObject(b)) {
    for (const key of keysOf(a, b, order)) compare(`${path}.${key}`, a[key], b[key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // By index: an element inserted in the middle shows as changes to every later index (simple and predictable).
    for (let i = 0; i < Math.max(a.length, b.length); i++) compare(`${path}.${i}`, a[i], b[i], out);
    return;
  }
  const before = json(a);
  const after = json(b);
  if (before !== after) out.push({ path, before, after });
}

/**
 * What changed from edition `a` to edition `b`: the identity fields, then the content field by field (objects by
 * key, arrays by index). Leaves only: a changed material name is `content.materials.2.name`.
 */
export function diffEditions(a: Item, b: Item): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of IDENTITY_FIELDS) compare(field, a[field], b[field], out);
  compare('content', a.content, b.content, out, CONTENT_ORDER);
  return out;
}
