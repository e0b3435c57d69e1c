import type { Connection, FileChunks, Model } from '@govhall/mongo';
import type { StoredAttachment } from '../../domain/complaints/attachment';
import type { ComplaintAttachments } from '../../usecases/complaints/ports';
import { complaintAttachmentSchema } from './complaint.schema';

const OWNER = 'complaint-attachment';

type AttachmentDocument = Omit<StoredAttachment, 'id'> & { _id: string };

/** Complaints' uploads: the description in `complaint_attachments`, the bytes in `file_chunks` (bytes first). */
export class MongoComplaintAttachments implements ComplaintAttachments {
  readonly model: Model<AttachmentDocument>;

  constructor(
    connection: Connection,
    private readonly chunks: FileChunks,
  ) {
    this.model = connection.model<AttachmentDocument>('ComplaintAttachment', complaintAttachmentSchema);
  }

  async save(attachment: StoredAttachment, content: Buffer): Promise<void> {
    await this.chunks.put(OWNER, attachment.id, content);
    const { id, ...fields } = attachment;
    await this.model.collection.insertOne({ _id: id, ...fields } as never);
  }

  async find(ids: readonly string[]): Promise<StoredAttachment[]> {
    if (ids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: [...ids] } }).lean<AttachmentDocument[]>();
    return docs.map(({ _id, ...rest }) => ({ ...rest, id: _id, usedBy: rest.usedBy ?? '' }));
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
    return this.chunks.get(OWNER, id);
  }
}
