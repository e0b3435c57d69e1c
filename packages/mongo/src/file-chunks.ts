import mongoose, { type Connection, type Model } from 'mongoose';
import { toBuffer } from './binary';

/** Chunks under FerretDB's and MongoDB's document limits alike. */
const CHUNK = 4 * 1024 * 1024;

export interface FileChunk {
  _id: string;
  owner: string;
  fileId: string;
  n: number;
  data: Buffer;
}

/** Collection `file_chunks`: files' bytes, a document per 4 MiB, by owner and file id. */
export const fileChunkSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    fileId: { type: String, required: true },
    n: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { collection: 'file_chunks', versionKey: false },
);
// A file's chunks in order (get), and those past a shorter rewrite (put).
fileChunkSchema.index({ owner: 1, fileId: 1, n: 1 });

/**
 * A service's uploaded files' bytes in its own database (no GridFS on FerretDB 1.x): chunks of 4 MiB by owner (what
 * the file belongs to, e.g. an escalation record or `attachment`) and file id. Writing a file again replaces its
 * bytes whole. The file's description (name, type, size, digest) is its owner's to keep.
 */
export class FileChunks {
  readonly model: Model<FileChunk>;

  constructor(connection: Connection) {
    this.model = connection.model<FileChunk>('FileChunk', fileChunkSchema);
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
    const chunks = await this.model.find({ owner, fileId }).sort({ n: 1 }).lean<FileChunk[]>();
    if (chunks.length === 0) return null;
    return Buffer.concat(chunks.map((c) => toBuffer(c.data)));
  }
}

/**
 * Uploaded files of a service: each described by a document of `model` (its `_id` the file's id, the description's
 * other fields beside it) and its bytes in `chunks` under `owner`. The bytes are written first, so a description
 * never names bytes that are not there.
 */
export class DescribedFiles<T extends { id: string }> {
  constructor(
    private readonly model: Model<any>,
    private readonly chunks: FileChunks,
    private readonly owner: string,
  ) {}

  async save(file: T, content: Buffer): Promise<void> {
    await this.chunks.put(this.owner, file.id, content);
    const { id, ...fields } = file;
    await this.model.collection.insertOne({ _id: id, ...fields } as never);
  }

  async find(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...ids] } }).lean<({ _id: string } & Omit<T, 'id'>)[]>();
    return docs.map(({ _id, ...rest }) => ({ ...rest, id: _id }) as unknown as T);
  }

  content(id: string): Promise<Buffer | null> {
    return this.chunks.get(this.owner, id);
  }
}
