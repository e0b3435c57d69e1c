import { insertNew, toDocument, toEntity, type Connection, type Model, type StoredDocument } from '@govhall/mongo';
import type { ItemFile, ItemFileRepository } from '../../usecases/public.ports';
import { itemFileSchema, type ItemFileDocument } from './item-file.schema';

/** BSON binary as the driver returns it (a Buffer when mongoose has hydrated it). */
interface BinaryLike {
  read(position: number, length: number): Uint8Array;
  length(): number;
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const binary = value as BinaryLike;
  return Buffer.from(binary.read(0, binary.length()));
}

export class MongoItemFileRepository implements ItemFileRepository {
  readonly model: Model<ItemFileDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ItemFileDocument>('ItemFile', itemFileSchema);
  }

  async insert(file: ItemFile, content: Buffer): Promise<{ file: ItemFile; created: boolean }> {
    if (await insertNew(this.model, toDocument(file, { content }))) return { file, created: true };
    const { tenant, sha256, fileName, contentType } = file;
    const existing = await this.model.collection.findOne(
      { tenant, sha256, fileName, contentType },
      { projection: { content: 0 } },
    );
    if (!existing) throw new Error(`item file ${file.id} collided with another file's id`);
    return { file: toEntity<ItemFile>(existing as StoredDocument), created: false };
  }

  async findById(id: string): Promise<{ file: ItemFile; content: Buffer } | null> {
    const doc = await this.model.collection.findOne({ _id: id as never });
    if (!doc) return null;
    const { content, ...file } = doc;
    return { file: toEntity<ItemFile>(file as StoredDocument), content: toBuffer(content) };
  }
}
