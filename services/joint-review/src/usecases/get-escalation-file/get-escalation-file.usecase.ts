import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { AttachmentStore } from '../attachments/attachment.ports';
import { escalationNotFound, maySeeEscalation, requireTransferOn } from '../escalations/escalation.access';
import type { EscalationDeps } from '../escalations/escalation.ports';

export interface EscalationFileContent {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const fileNotFound = () => new NotFoundError('FILE_NOT_FOUND', '上报件中没有该文件');

/**
 * A file the parent gave with an update (the decision document …): to the owning side's readers, or to the lower
 * deployment's service account on the parent's record. A lower center whose parent is in another deployment fetches
 * it from there with its account.
 */
export function getEscalationFileUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'parents'> & { attachments: AttachmentStore },
) {
  return async (
    request: { escalationId: string; fileId: string },
    actor: Principal,
  ): Promise<EscalationFileContent> => {
    const found = request.escalationId ? await deps.escalations.findById(request.escalationId) : null;
    const e = actor.kind === 'service' ? requireTransferOn(actor, found) : found;
    if (!e || (actor.kind !== 'service' && !maySeeEscalation(actor, e))) throw escalationNotFound();
    const listed = e.updates.flatMap((u) => u.attachments).find((a) => a.id === request.fileId);
    if (!listed) throw fileNotFound();
    const content = await deps.attachments.content(listed.id);
    if (content) return { fileName: listed.fileName, contentType: listed.contentType, content };
    const parent = e.side === 'sender' && e.counterpartId ? deps.parents.of(e.targetTenant) : null;
    if (!parent) throw fileNotFound();
    return parent.getFile(e.counterpartId, listed.id);
  };
}
