import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { ComplaintAttachment } from '../../../domain/complaints/attachment';
import { mayDownload } from '../complaint-access';
import { complaintNotFound } from '../complaint-errors';
import type { ComplaintAttachments, ComplaintRepository } from '../ports';

/**
 * One attachment of a complaint with its bytes: to its complainant, its handling office and supervisors of the
 * tenant (and above). Anyone else is told the complaint is not found.
 */
export function getAttachmentUseCase(deps: {
  complaints: ComplaintRepository;
  attachments: ComplaintAttachments;
  legalAffairsOf: (tenant: string) => string;
}) {
  return async (
    request: { complaintId: string; attachmentId: string },
    actor: Principal,
  ): Promise<{ attachment: ComplaintAttachment; content: Buffer }> => {
    const complaint = request.complaintId ? await deps.complaints.find(request.complaintId) : null;
    if (!complaint || !mayDownload(actor, complaint, deps.legalAffairsOf(complaint.tenant))) throw complaintNotFound();
    const attachment = complaint.attachments.find((a) => a.id === request.attachmentId);
    const content = attachment ? await deps.attachments.content(attachment.id) : null;
    if (!attachment || !content) throw new NotFoundError('ATTACHMENT_NOT_FOUND', '该投诉没有这个附件');
    return { attachment, content };
  };
}
