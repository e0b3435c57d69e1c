import type { Schema } from 'mongoose';

/**
 * Which index serves a query, by MongoDB's equality-sort-range rule, so a unit test can prove that every query a
 * repository issues is served by an index declared on its schema (on production MongoDB as on FerretDB).
 */

export type SortDirection = 1 | -1;

/** A sort as the driver and mongoose take it: `{a: 1, b: -1}`, `'a -b'` or `[['a', 1], ['b', -1]]`. */
export type SortSpec = Record<string, unknown> | string | readonly (readonly [string, unknown])[];

/** What a query needs from an index: the fields it compares, how, and the order it wants. */
export interface QueryShape {
  /** Fields compared for equality: a plain value, `$eq`, `$in`, `$all`, an array element path (`agents.agentSubject`). */
  equality: string[];
  /** Fields with a range or a negation: `$lt`, `$lte`, `$gt`, `$gte`, `$ne`, `$nin`, `$exists`, `$regex`, `$not`, `$type`. */
  range: string[];
  /** The sort, in order. */
  sort: [field: string, direction: SortDirection][];
  /** Operators this check cannot judge (`$expr`, `$where`, `$text`, `$nor`, `$size`, …): such a shape is never covered. */
  unsupported: string[];
}

/** An index key as `schema.indexes()` declares it: field → 1, -1 (or 'text', 'hashed', … which serve nothing here). */
export type IndexKey = Record<string, unknown>;

/** One query a repository issued, as a recording test double saw it. */
export interface RecordedQuery {
  collection: string;
  /** The method called: `find`, `findOne`, `countDocuments`, `updateOne`, … */
  operation: string;
  filter: Record<string, unknown>;
  sort?: SortSpec;
  /** Who issued it, e.g. `MongoStaffRepository.list`. */
  source?: string;
}

/** The index every collection has. */
export const ID_INDEX: IndexKey = Object.freeze({ _id: 1 });

const EQUALITY_OPERATORS = new Set(['$eq', '$in', '$all']);
const RANGE_OPERATORS = new Set(['$lt', '$lte', '$gt', '$gte', '$ne', '$nin', '$exists', '$regex', '$not', '$type']);
/** Modifiers of another operator in the same object (`$regex` with `$options`). */
const IGNORED_OPERATORS = new Set(['$options', '$comment']);

interface Fields {
  equality: Set<string>;
  range: Set<string>;
  unsupported: Set<string>;
}

const noFields = (): Fields => ({ equality: new Set(), range: new Set(), unsupported: new Set() });

function merge(a: Fields, b: Fields): Fields {
  return {
    equality: new Set([...a.equality, ...b.equality]),
    range: new Set([...a.range, ...b.range]),
    unsupported: new Set([...a.unsupported, ...b.unsupported]),
  };
}

/** Every way of picking one alternative from each list, merged (a query with two `$or`s has n × m branches). */
function product(lists: Fields[][]): Fields[] {
  return lists.reduce<Fields[]>((acc, list) => acc.flatMap((a) => list.map((b) => merge(a, b))), [noFields()]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `{ $gte: 1, $lt: 5 }`, as opposed to a sub-document compared as a whole. */
function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function one(kind: keyof Fields, name: string): Fields[] {
  const fields = noFields();
  fields[kind].add(name);
  return [fields];
}

/** The alternatives (one per `$or` branch) of the condition on one field. */
function fieldConditions(path: string, value: unknown): Fields[] {
  if (value instanceof RegExp) return one('range', path);
  if (!isOperatorObject(value)) return one('equality', path);
  const parts: Fields[][] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (IGNORED_OPERATORS.has(op)) continue;
    if (EQUALITY_OPERATORS.has(op)) parts.push(one('equality', path));
    else if (RANGE_OPERATORS.has(op)) parts.push(one('range', path));
    else if (op === '$elemMatch' && isOperatorObject(operand)) parts.push(fieldConditions(path, operand));
    else if (op === '$elemMatch' && isPlainObject(operand)) parts.push(filterFields(operand, `${path}.`));
    else parts.push(one('unsupported', `${op} on ${path}`));
  }
  return product(parts);
}

function branches(op: string, operand: unknown, prefix: string): Fields[] {
  if (!Array.isArray(operand) || operand.length === 0) return one('unsupported', op);
  const alternatives = operand.map((branch) => filterFields(branch as Record<string, unknown>, prefix));
  return op === '$or' ? alternatives.flat() : product(alternatives);
}

function filterFields(filter: Record<string, unknown>, prefix = ''): Fields[] {
  const parts: Fields[][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (IGNORED_OPERATORS.has(key)) continue;
    if (key === '$or' || key === '$and') parts.push(branches(key, value, prefix));
    else if (key.startsWith('$')) parts.push(one('unsupported', key));
    else parts.push(fieldConditions(prefix + key, value));
  }
  return product(parts);
}

function direction(value: unknown): SortDirection | undefined {
  if (value === 1 || value === '1' || value === 'asc' || value === 'ascending') return 1;
  if (value === -1 || value === '-1' || value === 'desc' || value === 'descending') return -1;
  return undefined;
}

/** A sort in any of the forms the driver and mongoose take, as ordered pairs; `$meta` and the like are unsupported. */
export function sortFields(sort: SortSpec | undefined): { sort: QueryShape['sort']; unsupported: string[] } {
  const out: QueryShape['sort'] = [];
  const unsupported: string[] = [];
  const pairs: readonly (readonly [string, unknown])[] =
    sort === undefined
      ? []
      : typeof sort === 'string'
        ? sort
            .split(/\s+/)
            .filter(Boolean)
            .map((f) => (f.startsWith('-') ? [f.slice(1), -1] : [f.replace(/^\+/, ''), 1]))
        : Array.isArray(sort)
          ? (sort as readonly (readonly [string, unknown])[])
          : Object.entries(sort);
  for (const [field, value] of pairs) {
    const dir = direction(value);
    if (dir === undefined) unsupported.push(`sort ${field}: ${JSON.stringify(value)}`);
    else if (!out.some(([f]) => f === field)) out.push([field, dir]);
  }
  return { sort: out, unsupported };
}

/**
 * The shapes a query needs served: one, or one per branch when the filter has `$or` (each branch with the
 * conditions outside the `$or`; every branch must be served for the query to be). `$and` merges its parts. A field
 * with both an equality and a range condition counts as an equality.
 */
export function queryShapes(filter: Record<string, unknown>, sort?: SortSpec): QueryShape[] {
  const sorted = sortFields(sort);
  return filterFields(filter).map((f) => ({
    equality: [...f.equality],
    range: [...f.range].filter((name) => !f.equality.has(name)),
    sort: sorted.sort,
    unsupported: [...f.unsupported, ...sorted.unsupported],
  }));
}

/** The index key's fields with their direction, up to the first one that is not 1 or -1 (text, hashed, geo). */
function orderedKeys(index: IndexKey): [string, SortDirection][] {
  const keys: [string, SortDirection][] = [];
  for (const [field, value] of Object.entries(index)) {
    const dir = value === 1 || value === -1 ? value : undefined;
    if (dir === undefined) break;
    keys.push([field, dir]);
  }
  return keys;
}

/** Equality fields first (any order), then the sort (same or all reversed directions), then the range fields. */
function serves(index: IndexKey, shape: QueryShape): boolean {
  const keys = orderedKeys(index);
  const equality = new Set(shape.equality);
  let i = 0;
  for (; i < equality.size; i++) if (!keys[i] || !equality.has(keys[i]![0])) return false;
  let reversed: boolean | undefined;
  for (const [field, dir] of shape.sort.filter(([f]) => !equality.has(f))) {
    const key = keys[i++];
    if (!key || key[0] !== field) return false;
    if (reversed === undefined) reversed = key[1] !== dir;
    else if (reversed !== (key[1] !== dir)) return false;
  }
  const prefix = new Set(keys.slice(0, i).map(([f]) => f));
  const range = new Set(shape.range.filter((f) => !prefix.has(f)));
  for (let left = range.size; left > 0; left--) {
    const key = keys[i++];
    if (!key || !range.has(key[0])) return false;
  }
  return true;
}

/**
 * The index (of `indexes`, plus the implicit `{_id: 1}`) that serves `shape` by the equality-sort-range rule, or
 * null. An equality on `_id` is always served. A shape without any field is a full scan: served (by `{_id: 1}`)
 * only when `allowFullScan`.
 */
export function coveringIndex(
  shape: QueryShape,
  indexes: readonly IndexKey[],
  options: { allowFullScan?: boolean } = {},
): IndexKey | null {
  if (shape.unsupported.length > 0) return null;
  if (shape.equality.includes('_id')) return ID_INDEX;
  if (shape.equality.length + shape.range.length + shape.sort.length === 0) {
    return options.allowFullScan ? ID_INDEX : null;
  }
  return [ID_INDEX, ...indexes].find((index) => serves(index, shape)) ?? null;
}

/** The index keys declared on a mongoose schema (`schema.indexes()`, path-level `index`/`unique` included). */
export function declaredIndexes(schema: Pick<Schema, 'indexes'>): IndexKey[] {
  return schema.indexes().map(([key]) => key as IndexKey);
}

/** Schemas by collection name, or a list of schemas whose `collection` option names their collection. */
export type SchemasByCollection = Record<string, Pick<Schema, 'indexes'>> | readonly Schema[];

export interface UncoveredQuery {
  query: RecordedQuery;
  shape: QueryShape;
  /** The indexes the collection has, `{_id: 1}` first; empty when no schema was given for the collection. */
  indexes: IndexKey[];
  /** Why, when it is not just a missing index. */
  reason?: string;
}

function byCollection(schemas: SchemasByCollection): Map<string, Pick<Schema, 'indexes'>> {
  if (!Array.isArray(schemas)) return new Map(Object.entries(schemas));
  return new Map(
    (schemas as readonly Schema[]).map((schema) => {
      const name = schema.get('collection');
      if (typeof name !== 'string') throw new Error('a schema without the `collection` option: pass it by name');
      return [name, schema];
    }),
  );
}

/**
 * The recorded queries (or `$or` branches) no declared index serves, each shape once per collection, operation and
 * source. `allowFullScan` names the queries allowed to read a whole collection (none by default).
 */
export function uncoveredQueries(
  queries: readonly RecordedQuery[],
  schemas: SchemasByCollection,
  options: { allowFullScan?: (query: RecordedQuery) => boolean } = {},
): UncoveredQuery[] {
  const known = byCollection(schemas);
  const out = new Map<string, UncoveredQuery>();
  const report = (entry: UncoveredQuery) => {
    const { query, shape, reason } = entry;
    const key = JSON.stringify([query.collection, query.operation, query.source, describeShape(shape), reason]);
    if (!out.has(key)) out.set(key, entry);
  };
  for (const query of queries) {
    const schema = known.get(query.collection);
    const indexes = schema ? [ID_INDEX, ...declaredIndexes(schema)] : [];
    const allowFullScan = options.allowFullScan?.(query) ?? false;
    for (const shape of queryShapes(query.filter, query.sort)) {
      if (!schema) report({ query, shape, indexes, reason: 'no schema given for the collection' });
      else if (shape.unsupported.length > 0) {
        report({ query, shape, indexes, reason: `unsupported: ${shape.unsupported.join(', ')}` });
      } else if (!coveringIndex(shape, indexes, { allowFullScan })) report({ query, shape, indexes });
    }
  }
  return [...out.values()];
}

const describeIndex = (index: IndexKey) =>
  `{${Object.entries(index)
    .map(([f, d]) => `${f}: ${JSON.stringify(d)}`)
    .join(', ')}}`;

/** `equality(tenant, status) sort(username: 1) range(updatedAt)`, or `no condition (full scan)`. */
export function describeShape(shape: QueryShape): string {
  const parts = [
    shape.equality.length ? `equality(${shape.equality.join(', ')})` : '',
    shape.sort.length ? `sort(${shape.sort.map(([f, d]) => `${f}: ${d}`).join(', ')})` : '',
    shape.range.length ? `range(${shape.range.join(', ')})` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : 'no condition (full scan)';
}

/** One line per uncovered query: collection, operation, source, shape, then the indexes that exist. */
export function describeUncovered(uncovered: readonly UncoveredQuery[]): string {
  const lines = uncovered.map(({ query, shape, indexes, reason }) => {
    const from = query.source ? ` (${query.source})` : '';
    const why = reason ? `\n    ${reason}` : '';
    return (
      `- ${query.collection}.${query.operation}${from}: ${describeShape(shape)}${why}\n` +
      `    indexes: ${indexes.length ? indexes.map(describeIndex).join(', ') : 'none'}`
    );
  });
  return `${uncovered.length} quer${uncovered.length === 1 ? 'y is' : 'ies are'} not served by an index:\n${lines.join('\n')}`;
}

/** Throws, naming each collection, query shape and the indexes that exist, unless every query is index-served. */
export function expectEveryQueryCovered(
  queries: readonly RecordedQuery[],
  schemas: SchemasByCollection,
  options: { allowFullScan?: (query: RecordedQuery) => boolean } = {},
): void {
  if (queries.length === 0) throw new Error('no query was recorded: nothing proves the indexes');
  const uncovered = uncoveredQueries(queries, schemas, options);
  if (uncovered.length > 0) throw new Error(describeUncovered(uncovered));
}
