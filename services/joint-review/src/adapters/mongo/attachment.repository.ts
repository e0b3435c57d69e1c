import { DescribedFiles, type Connection, type Model } from '@govhall/mongo';
import type { StoredAttachment } from '../../domain/attachments/upload';
import type { AttachmentStore } from '../../usecases/attachments/attachment.ports';
import { attachmentSchema } from './escalation.schema';
import type { MongoFileChunks } from './file-chunks.repository';

type AttachmentDocument = Omit<StoredAttachment, 'id'> & { _id: string };

/** Uploaded attachments: the description in `attachments`, the bytes in `file_chunks` (bytes first). */
export class MongoAttachments implements AttachmentStore {
  readonly model: Model<AttachmentDocument>;
  private readonly files: DescribedFiles<StoredAttachment>;

  constructor(connection: Connection, chunks: MongoFileChunks) {
    this.model = connection.model<AttachmentDocument>('Attachment', attachmentSchema);
    this.files = new DescribedFiles(this.model, chunks, 'attachment');
  }

  save(attachment: StoredAttachment, content: Buffer): Promise<void> {
    return this.files.save(attachment, content);
  }

  find(ids: readonly string[]): Promise<StoredAttachment[]> {
    return this.files.find(ids);
  }

  async markUsed(ids: readonly string[], aggregateId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.model.collection.updateMany({ _id: { $in: [...ids] }, usedBy: '' } as never, {
      $set: { usedBy: aggregateId },
    });
  }

  content(id: string): Promise<Buffer | null> {
    return this.files.content(id);
  }
}
