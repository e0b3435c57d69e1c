import type { Principal } from '@govhall/auth';
import type { DelegatedCase } from '../../domain/delegation/delegated-case';
import { delegatedCaseNotFound, maySeeDelegatedCase } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';

/** One delegated case by id, or by its case id (in the caller's tenant); to anyone who may not see it: NOT_FOUND. */
export function getDelegatedCaseUseCase(deps: Pick<DelegationDeps, 'delegatedCases' | 'windows' | 'duty'>) {
  return async (request: { id: string; caseId: string }, actor: Principal): Promise<DelegatedCase> => {
    const dc = request.id
      ? await deps.delegatedCases.findById(request.id)
      : request.caseId
        ? await deps.delegatedCases.findByCase(actor.tenant, request.caseId)
        : null;
    if (!dc || !(await maySeeDelegatedCase(deps, actor, dc))) throw delegatedCaseNotFound();
    return dc;
  };
}
