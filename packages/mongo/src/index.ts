import mongoose, { type Connection, type Model } from 'mongoose';
import { ConcurrencyError } from '@govhall/errors';
import { documentKey, documentLocks } from './document-lock';

export { DocumentLocks, documentKey, documentLocks } from './document-lock';

export { mongoose };
export type { Connection, Model };

/**
 * Opens the service's own database. Each service has exactly one database; no service reads another's.
 * Works against MongoDB (replica set in production) and FerretDB (local): nothing here needs transactions.
 */
export async function connectMongo(uri: string, dbName: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
    autoCreate: true,
    maxPoolSize: 20,
  });
  return conn.asPromise();
}

/** Creates the indexes declared on each model's schema (every index names the query it serves). */
export async function ensureIndexes(models: Model<any>[]): Promise<void> {
  for (const model of models) await model.createIndexes();
}

/**
 * Optimistic concurrency: applies `update` only if the document still has `expectedVersion`, and bumps the
 * version in the same single-document write. Throws ConcurrencyError when someone else changed it first.
 * Every read-modify-write of an aggregate document goes through here (or documentLocks), see DocumentLocks.
 */
export async function updateVersioned(
  model: Model<any>,
  id: string,
  expectedVersion: number,
  update: Record<string, unknown>,
): Promise<void> {
  const inc = (update.$inc as Record<string, number> | undefined) ?? {};
  const result = await documentLocks.run(documentKey(model.collection.collectionName, id), () =>
    model.updateOne({ _id: id, version: expectedVersion }, { ...update, $inc: { ...inc, version: 1 } }),
  );
  if (result.matchedCount === 0) throw new ConcurrencyError();
}

/** True for a duplicate-key error (E11000) from MongoDB or FerretDB. */
export function isDuplicateKeyError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: number }).code === 11000;
}
