import type { StoredAttachment } from '../../domain/attachments/upload';
import type { AttachmentStore } from './attachment.ports';

/** Uploaded attachments in memory, for unit tests; `given` stands for an upload by `worker` in `tenant`. */
export class InMemoryAttachments implements AttachmentStore {
  private readonly stored = new Map<string, { attachment: StoredAttachment; content: Buffer }>();

  async save(attachment: StoredAttachment, content: Buffer): Promise<void> {
    this.stored.set(attachment.id, { attachment, content });
  }

  async find(ids: readonly string[]): Promise<StoredAttachment[]> {
    return ids.flatMap((id) => {
      const s = this.stored.get(id);
      return s ? [s.attachment] : [];
    });
  }

  async markUsed(ids: readonly string[], aggregateId: string): Promise<void> {
    for (const id of ids) {
      const s = this.stored.get(id);
      if (s && s.attachment.usedBy === '') s.attachment = { ...s.attachment, usedBy: aggregateId };
    }
  }

  async content(id: string): Promise<Buffer | null> {
    return this.stored.get(id)?.content ?? null;
  }

  /** An attachment `worker` uploaded in `tenant`, not used yet. */
  given(id: string, worker: string, tenant: string, fileName = '审查意见.pdf'): StoredAttachment {
    const attachment: StoredAttachment = {
      id,
      fileName,
      contentType: 'application/pdf',
      size: 9,
      sha256: '0'.repeat(64),
      uploadedBy: worker,
      uploadedAt: new Date('2026-06-04T02:00:00Z'),
      tenant,
      usedBy: '',
    };
    this.stored.set(id, { attachment, content: Buffer.from('%PDF-1.4\n') });
    return attachment;
  }

  usedBy(id: string): string | undefined {
    return this.stored.get(id)?.attachment.usedBy;
  }
}
