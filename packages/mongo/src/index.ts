import mongoose, { type Connection, type Model } from 'mongoose';

export { DocumentLocks, documentKey, documentLocks } from './document-lock';
export * from './entities';
export * from './versioned';

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
