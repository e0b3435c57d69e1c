import type { Principal } from '@govhall/auth';
import type { Complaint } from '../../../domain/complaints/complaint';
import { mayRead, visibleTo } from '../complaint-access';
import { complaintNotFound } from '../complaint-errors';
import type { ComplaintRepository } from '../ports';

/** One complaint by id or number (投诉编号), as the caller may read it (complaint-access.ts); else not found. */
export function getComplaintUseCase(deps: {
  complaints: ComplaintRepository;
  legalAffairsOf: (tenant: string) => string;
}) {
  return async (request: { id: string; number: string }, actor: Principal): Promise<Complaint> => {
    const found = request.id
      ? await deps.complaints.find(request.id)
      : request.number
        ? await deps.complaints.findByNumber(request.number)
        : null;
    const legalAffairs = found ? deps.legalAffairsOf(found.tenant) : '';
    if (!found || !mayRead(actor, found, legalAffairs)) throw complaintNotFound();
    return visibleTo(actor, found, legalAffairs);
  };
}
