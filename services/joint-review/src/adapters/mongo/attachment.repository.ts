import type { Connection, Model } from '@govhall/mongo';
import type { StoredAttachment } from '../../domain/attachments/upload';
import type { AttachmentStore } from '../../usecases/attachments/attachment.ports';
import { attachmentSchema } from './escalation.schema';
import type { MongoFileChunks } from './file-chunks.repository';

const OWNER = 'attachment';

type AttachmentDocument = Omit<StoredAttachment, 'id'> & { _id: string };

/** Uploaded attachments: the description in `attachments`, the bytes in `file_chunks` (bytes first). */
export class MongoAttachments implements AttachmentStore {
  readonly model: Model<AttachmentDocument>;

  constructor(
    connection: Connection,
    private readonly chunks: MongoFileChunks,
  ) {
    this.model = connection.model<AttachmentDocument>('Attachment', attachmentSchema);
  }

  async save(attachment: StoredAttachment, content: Buffer): Promise<void> {
    await this.chunks.put(OWNER, attachment.id, content);
    const { id, ...fields } = attachment;
    await this.model.collection.insertOne({ _id: id, ...fields } as never);
  }

  async find(ids: readonly string[]): Promise<StoredAttachment[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...ids] } }).lean<AttachmentDocument[]>();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }

  async markUsed(ids: readonly string[], aggregateId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.model.collection.updateMany({ _id: { $in: [...ids] }, usedBy: '' } as never, {
      $set: { usedBy: aggregateId },
    });
  }

  content(id: string): Promise<Buffer | null> {
    return this.chunks.get(OWNER, id);
  }
}
