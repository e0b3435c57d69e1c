import { toEntity, type Model, type StoredDocument } from '@govhall/mongo';

/** How many documents one read of a filtered list takes. */
export const LIST_BATCH = 500;

/**
 * A page of a list whose index serves `query` in `sort` order while `matches` filters what the index does not:
 * the range is read in batches of LIST_BATCH until `offset + limit` entities match, so a page counts matching
 * entities only.
 */
export async function pagedFilter<T>(
  model: Model<any>,
  read: { query: Record<string, unknown>; projection: Record<string, 0>; sort: Record<string, 1 | -1> },
  matches: (entity: T) => boolean,
  offset: number,
  limit: number,
): Promise<T[]> {
  const found: T[] = [];
  for (let skip = 0; found.length < offset + limit; skip += LIST_BATCH) {
    const docs = await model
      .find(read.query, read.projection)
      .sort(read.sort)
      .skip(skip)
      .limit(LIST_BATCH)
      .lean<StoredDocument[]>();
    found.push(...docs.map((d) => toEntity<T>(d)).filter(matches));
    if (docs.length < LIST_BATCH) break;
  }
  return found.slice(offset, offset + limit);
}
