import type { StoredAttachment } from '../../domain/attachments/upload';

/** Uploaded attachments: their description and bytes, and which act used them. */
export interface AttachmentStore {
  save(attachment: StoredAttachment, content: Buffer): Promise<void>;
  find(ids: readonly string[]): Promise<StoredAttachment[]>;
  /** Binds unused attachments to the aggregate whose act used them. */
  markUsed(ids: readonly string[], aggregateId: string): Promise<void>;
  content(id: string): Promise<Buffer | null>;
}
