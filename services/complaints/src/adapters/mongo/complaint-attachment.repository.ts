import { DescribedFiles, type Connection, type FileChunks, type Model } from '@govhall/mongo';
import type { StoredAttachment } from '../../domain/complaints/attachment';
import type { ComplaintAttachments } from '../../usecases/complaints/ports';
import { complaintAttachmentSchema } from './complaint.schema';

type AttachmentDocument = Omit<StoredAttachment, 'id'> & { _id: string };

/** Complaints' uploads: the description in `complaint_attachments`, the bytes in `file_chunks` (bytes first). */
export class MongoComplaintAttachments implements ComplaintAttachments {
  readonly model: Model<AttachmentDocument>;
  private readonly files: DescribedFiles<StoredAttachment>;

  constructor(connection: Connection, chunks: FileChunks) {
    this.model = connection.model<AttachmentDocument>('ComplaintAttachment', complaintAttachmentSchema);
    this.files = new DescribedFiles(this.model, chunks, 'complaint-attachment');
  }

  save(attachment: StoredAttachment, content: Buffer): Promise<void> {
    return this.files.save(attachment, content);
  }

  async find(ids: readonly string[]): Promise<StoredAttachment[]> {
    return (await this.files.find(ids)).map((a) => ({ ...a, usedBy: a.usedBy ?? '' }));
  }

  async claim(ids: readonly string[], complaintId: string): Promise<string[]> {
    const bound: string[] = [];
    for (const id of ids) {
      const res = await this.model.collection.updateOne({ _id: id, usedBy: '' } as never, {
        $set: { usedBy: complaintId },
      });
      if (res.modifiedCount === 1) bound.push(id);
    }
    return bound;
  }

  async release(ids: readonly string[], complaintId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.model.collection.updateMany({ _id: { $in: [...ids] }, usedBy: complaintId } as never, {
      $set: { usedBy: '' },
    });
  }

  content(id: string): Promise<Buffer | null> {
    return this.files.content(id);
  }
}
