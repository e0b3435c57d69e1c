import type { Collection, Document } from 'mongodb';

/** A filter as the repositories write it (string ids included); the driver's typing wants ObjectIds. */
type AnyFilter = Record<string, unknown>;

/** How a store answered one query: whether an index served it, and which. */
export interface QueryPlan {
  /** The index names the plan reads (FerretDB/PostgreSQL index names, or MongoDB's). */
  indexes: string[];
  /** FerretDB only: whether the filter reached the database at all (false means every document was decoded). */
  filterPushdown?: boolean;
  /** The plan's node types or stages, for the failure message. */
  nodes: string[];
}

/**
 * Explains `find(filter)` (with `sort`) and reads the plan: on FerretDB its PostgreSQL plan (`Index Scan`,
 * `Bitmap Index Scan` nodes name their index), on MongoDB the winning plan's `IXSCAN` stages.
 */
export async function explainFind(
  collection: Collection<Document>,
  filter: AnyFilter,
  sort?: Record<string, 1 | -1>,
): Promise<QueryPlan> {
  const cursor = collection.find(filter as Document);
  if (sort) cursor.sort(sort);
  const explained = (await cursor.explain()) as Document;
  const indexes: string[] = [];
  const nodes: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n['Node Type'] === 'string') nodes.push(n['Node Type']);
    if (typeof n['Index Name'] === 'string') indexes.push(n['Index Name']);
    if (typeof n.stage === 'string') nodes.push(n.stage);
    if (n.stage === 'IXSCAN' && typeof n.indexName === 'string') indexes.push(n.indexName);
    Object.values(n).forEach(walk);
  };
  walk(explained.queryPlanner);
  return {
    indexes,
    nodes,
    filterPushdown: typeof explained.filterPushdown === 'boolean' ? explained.filterPushdown : undefined,
  };
}

/** Fails with the plan when no index serves the query (or, on FerretDB, the filter was not pushed down). */
export async function expectIndexServed(
  collection: Collection<Document>,
  filter: AnyFilter,
  sort?: Record<string, 1 | -1>,
): Promise<QueryPlan> {
  const plan = await explainFind(collection, filter, sort);
  if (plan.indexes.length === 0 || plan.filterPushdown === false) {
    throw new Error(
      `no index serves ${collection.collectionName}.find(${JSON.stringify(filter)})` +
        `${sort ? `.sort(${JSON.stringify(sort)})` : ''}: plan ${plan.nodes.join(' > ') || '(empty)'}, ` +
        `filter pushed down: ${String(plan.filterPushdown)}`,
    );
  }
  return plan;
}
