import type { Principal } from '@govhall/auth';
import { checkAttachmentUse } from '../../domain/attachments/upload';
import type { Attachment } from '../../domain/tasks/task';
import { workerName } from '../reviews/review.access';
import type { AttachmentStore } from './attachment.ports';

/** The attachments an act of `actor` on `aggregateId` names, checked (ATTACHMENT_UNKNOWN otherwise). */
export async function attachmentsFor(
  store: AttachmentStore,
  ids: readonly string[],
  actor: Principal,
  tenant: string,
  aggregateId: string,
): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const found = await store.find(ids);
  return checkAttachmentUse(ids, found, { tenant, worker: workerName(actor), aggregateId });
}
