import type { Connection, Model } from '@govhall/mongo';
import type { EscalationFileStore, UpdateCursors } from '../../usecases/escalations/escalation.ports';
import { escalationCursorSchema, fileChunkSchema } from './escalation.schema';

const CHUNK = 4 * 1024 * 1024;

/** A stored binary as read back (a Buffer, or the driver's Binary holding one). */
function bytesOf(data: unknown): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from((data as { buffer: Uint8Array }).buffer);
}

export interface Chunk {
  _id: string;
  owner: string;
  fileId: string;
  n: number;
  data: Buffer;
}

/**
 * Files' bytes in chunks of 4 MiB, by owner (an escalation record, or `attachment`) and file id; a file written again
 * replaces the former bytes whole.
 */
export class MongoFileChunks implements EscalationFileStore {
  readonly model: Model<Chunk>;

  constructor(connection: Connection) {
    this.model = connection.model<Chunk>('FileChunk', fileChunkSchema);
  }

  async put(owner: string, fileId: string, content: Buffer): Promise<void> {
    const count = Math.max(1, Math.ceil(content.length / CHUNK));
    for (let n = 0; n < count; n++) {
      const data = content.subarray(n * CHUNK, (n + 1) * CHUNK);
      await this.model.collection.replaceOne(
        { _id: `${owner}:${fileId}:${n}` } as never,
        { owner, fileId, n, data } as never,
        { upsert: true },
      );
    }
    await this.model.collection.deleteMany({ owner, fileId, n: { $gte: count } } as never);
  }

  async get(owner: string, fileId: string): Promise<Buffer | null> {
    const chunks = await this.model.find({ owner, fileId }).sort({ n: 1 }).lean<Chunk[]>();
    if (chunks.length === 0) return null;
    return Buffer.concat(chunks.map((c) => bytesOf(c.data)));
  }
}

/** The parent's updates mirrored so far, per (parent, lower tenant). */
export class MongoUpdateCursors implements UpdateCursors {
  readonly model: Model<{ _id: string; sequence: number }>;

  constructor(connection: Connection) {
    this.model = connection.model<{ _id: string; sequence: number }>('EscalationCursor', escalationCursorSchema);
  }

  async get(targetTenant: string, sourceTenant: string): Promise<number> {
    const doc = await this.model.findById(`${targetTenant}>${sourceTenant}`).lean<{ sequence: number }>();
    return doc?.sequence ?? 0;
  }

  async set(targetTenant: string, sourceTenant: string, sequence: number): Promise<void> {
    await this.model.collection.updateOne(
      { _id: `${targetTenant}>${sourceTenant}` } as never,
      { $max: { sequence } } as never,
      { upsert: true },
    );
  }
}
