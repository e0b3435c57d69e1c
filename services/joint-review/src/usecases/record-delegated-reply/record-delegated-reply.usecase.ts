import { recordDelegatedReply, type DelegatedCase } from '../../domain/delegation/delegated-case';
import type { DelegationDeps } from '../delegation/delegation.ports';

/** The center replied: the case stream shows the case DELIVERED; a REPLYING delegated case's reply leg finishes. */
export function recordDelegatedReplyUseCase(deps: Pick<DelegationDeps, 'delegatedCases'>) {
  return async (tenant: string, caseId: string, at: Date): Promise<DelegatedCase | null> => {
    const dc = await deps.delegatedCases.findByCase(tenant, caseId);
    const change = dc ? recordDelegatedReply(dc, at) : null;
    if (!dc || !change) return null;
    return deps.delegatedCases.save(change.delegatedCase, dc.version, change.events);
  };
}
