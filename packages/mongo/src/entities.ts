import type { Model } from 'mongoose';
import { documentKey, documentLocks } from './document-lock';

/** A stored document: an entity's fields with its key under `_id` (as `lean()` reads it back). */
export type StoredDocument = Record<string, unknown> & { _id: unknown };

/**
 * The document for a new entity: its key field (`id` unless named) becomes `_id`; `extra` adds the fields only
 * the store keeps (outbox, idempotency key) or overrides how one is stored.
 */
export function toDocument(entity: object, extra: Record<string, unknown> = {}, key = 'id'): StoredDocument {
  const { [key]: id, ...fields } = entity as Record<string, unknown>;
  return { _id: id, ...fields, ...extra };
}

/** The entity a stored document holds: `_id` back to its key field (`id` unless named); null stays null. */
export function toEntity<T>(doc: StoredDocument, key?: string): T;
export function toEntity<T>(doc: StoredDocument | null, key?: string): T | null;
export function toEntity<T>(doc: StoredDocument | null, key = 'id'): T | null {
  if (!doc) return null;
  const { _id, ...rest } = doc;
  return { [key]: String(_id), ...rest } as T;
}

/** The fields of `fields` that have a value: what a `$set` writes without clearing the others. */
export function definedFields(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Inserts a new document in one write; false (and nothing written) when its `_id` or a unique index is taken. */
export async function insertNew(model: Model<any>, document: StoredDocument): Promise<boolean> {
  try {
    await model.collection.insertOne(document as never);
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

/**
 * Deletes a document only while it still matches `state` (e.g. `{ status: 'provisioning' }`), ordered with
 * versioned updates of the same document (see DocumentLocks). True when it was deleted.
 */
export async function removeIfStill(model: Model<any>, id: string, state: Record<string, unknown>): Promise<boolean> {
  const result = await documentLocks.run(documentKey(model.collection.collectionName, id), () =>
    model.deleteOne({ _id: id, ...state }),
  );
  return result.deletedCount === 1;
}

/**
 * Up to `limit` documents still matching `state` (e.g. `{ status: 'provisioning' }`) and last updated before
 * `updatedBefore`: work a crash or an outage left half-done, for a reconciler to finish or undo.
 */
export async function findStale(
  model: Model<any>,
  state: Record<string, unknown>,
  updatedBefore: Date,
  projection: Record<string, 0 | 1>,
  limit = 100,
): Promise<StoredDocument[]> {
  return model
    .find({ ...state, updatedAt: { $lt: updatedBefore } }, projection)
    .limit(limit)
    .lean<StoredDocument[]>();
}

/**
 * True for a duplicate-key error: E11000 from MongoDB (inserts and updates) or from a FerretDB insert. FerretDB 1.24
 * on PostgreSQL answers an *update* that breaks a unique index with InternalError (code 1) carrying PostgreSQL's
 * unique_violation, SQLSTATE 23505, in its message; the write is not applied.
 */
/** A bulk insert whose every failure is a duplicate key (the documents were there already): harmless on a retry. */
export function isOnlyDuplicateKeys(e: unknown): boolean {
  if (isDuplicateKeyError(e)) return true;
  const writeErrors = (e as { writeErrors?: unknown } | null)?.writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.length > 0 && list.every(isDuplicateKeyError);
}

/** Inserts the documents in one unordered write; those already stored (the same `_id`) are left as they are. */
export async function insertAllOnce<T extends object>(
  collection: { insertMany(docs: T[], options: { ordered: false }): Promise<unknown> },
  docs: T[],
): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (e) {
    if (!isOnlyDuplicateKeys(e)) throw e;
  }
}

export function isDuplicateKeyError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as { code?: number; message?: unknown };
  return code === 11000 || (code === 1 && typeof message === 'string' && message.includes('(SQLSTATE 23505)'));
}
