import type { Principal } from '@govhall/auth';
import type { Agreement } from '../../domain/delegation/agreement';
import { agreementNotFound, maySeeAgreements } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';

/** One agreement, for staff of its tenant and supervisors; to anyone else it does not exist. */
export function getAgreementUseCase(deps: Pick<DelegationDeps, 'agreements'>) {
  return async (request: { id: string }, actor: Principal): Promise<Agreement> => {
    const agreement = request.id ? await deps.agreements.findById(request.id) : null;
    if (!agreement || !maySeeAgreements(actor, agreement.tenant)) throw agreementNotFound();
    return agreement;
  };
}
