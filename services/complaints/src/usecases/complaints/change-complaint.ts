import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import type { Complaint, ComplaintEvent } from '../../domain/complaints/complaint';
import { mayRead } from './complaint-access';
import { complaintNotFound } from './complaint-errors';
import type { ComplaintRepository } from './ports';

/** A change of one complaint: who may make it, and what it makes of the stored state. */
export interface ComplaintChange {
  permit(actor: Principal, current: Complaint): void;
  apply(current: Complaint): Promise<{ complaint: Complaint; events: ComplaintEvent[] }>;
}

/**
 * The steps every change takes: the version the caller read is required (unless `anyVersion`: the complainant's
 * vote, which nobody else writes); one the caller may not read is not found; then who may make it; then a stored
 * version other than the caller's is CONCURRENT_MODIFICATION; the new state is saved with its events in one write.
 */
export async function changeComplaint(
  deps: { complaints: ComplaintRepository; legalAffairsOf: (tenant: string) => string },
  request: { id: string; expectedVersion?: number },
  actor: Principal,
  change: ComplaintChange,
): Promise<Complaint> {
  const anyVersion = request.expectedVersion === undefined;
  if (!anyVersion && (!Number.isInteger(request.expectedVersion) || request.expectedVersion! < 1)) {
    throw new ValidationError([
      {
        path: 'expectedVersion',
        reason: 'REQUIRED',
        message: '请提供读取时的版本号（expectedVersion），以免覆盖他人的修改',
      },
    ]);
  }
  const current = request.id ? await deps.complaints.find(request.id) : null;
  if (!current || !mayRead(actor, current, deps.legalAffairsOf(current.tenant))) throw complaintNotFound();
  change.permit(actor, current);
  if (!anyVersion && current.version !== request.expectedVersion) throw new ConcurrencyError();
  const { complaint, events } = await change.apply(current);
  await deps.complaints.save(complaint, current.version, events, actor);
  return complaint;
}
