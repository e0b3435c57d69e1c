import { cancelDelegatedCase, type DelegatedCase } from '../../domain/delegation/delegated-case';
import type { DelegationDeps } from '../delegation/delegation.ports';

/** The case was withdrawn or voided: a delegated case not yet replied is cancelled with its open legs and task. */
export function cancelDelegatedCaseUseCase(deps: Pick<DelegationDeps, 'delegatedCases'>) {
  return async (tenant: string, caseId: string, reason: string, at: Date): Promise<DelegatedCase | null> => {
    const dc = await deps.delegatedCases.findByCase(tenant, caseId);
    const change = dc ? cancelDelegatedCase(dc, reason, at) : null;
    if (!dc || !change) return null;
    return deps.delegatedCases.save(change.delegatedCase, dc.version, change.events);
  };
}
