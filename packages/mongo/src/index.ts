import mongoose, { type Connection, type Model } from 'mongoose';
import { claimSoleWriter, type SoleWriterClaim } from './sole-writer';

export { DocumentLocks, documentKey, documentLocks } from './document-lock';
export * from './bulk-updates';
export * from './day-expiry';
export * from './entities';
export { toBuffer } from './binary';
export { DescribedFiles, FileChunks, fileChunkSchema, type FileChunk } from './file-chunks';
export * from './query-shapes';
export * from './outbox-fields';
export * from './sole-writer';
export * from './versioned';
export * from './sequences';

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

/**
 * Opens a service's own database and claims it as its only writer (on the local FerretDB store; see
 * claimSoleWriter). Refuses with DatabaseHeldError while another live process writes it; if another process
 * later takes it over (this one was presumed dead), logs why and exits, since its writes could then be lost.
 */
export async function openServiceDatabase(
  uri: string,
  dbName: string,
  options: { service: string; logger: { fatal(obj: object, msg: string): void } },
): Promise<{ connection: Connection; writer: SoleWriterClaim }> {
  const connection = await connectMongo(uri, dbName);
  try {
    const writer = await claimSoleWriter(connection, {
      service: options.service,
      onLost: (holder) => {
        options.logger.fatal(
          { holder: { service: holder.service, pid: holder.pid, host: holder.host } },
          'another process took this database over; stopping',
        );
        process.exit(75);
      },
    });
    return { connection, writer };
  } catch (e) {
    await connection.close();
    throw e;
  }
}

/** Creates the indexes declared on each model's schema (every index names the query it serves). */
export async function ensureIndexes(models: Model<any>[]): Promise<void> {
  for (const model of models) await model.createIndexes();
}
