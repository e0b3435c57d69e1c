import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import { terminateAgreement, type Agreement } from '../../domain/delegation/agreement';
import { agreementNotFound, maySeeAgreements, requireCenterAdmin } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';

export interface TerminateAgreementRequest {
  id: string;
  expectedVersion: number;
  reason: string;
  /** YYYY-MM-DD, today or later; '' = today. */
  terminatedOn: string;
}

/** The center ends an agreement from a day on (e.g. 转为进驻部门, J8); cases already delegated continue. */
export function terminateAgreementUseCase(deps: Pick<DelegationDeps, 'agreements' | 'clock'>) {
  return async (request: TerminateAgreementRequest, actor: Principal): Promise<Agreement> => {
    const agreement = request.id ? await deps.agreements.findById(request.id) : null;
    if (!agreement || !maySeeAgreements(actor, agreement.tenant)) throw agreementNotFound();
    requireCenterAdmin(actor);
    if (agreement.version !== request.expectedVersion) {
      throw new ConcurrencyError('该协议已被他人修改，请刷新后重试');
    }
    const now = deps.clock.now();
    const next = terminateAgreement(agreement, request.reason, request.terminatedOn, chinaToday(now), now);
    return deps.agreements.save(next, request.expectedVersion);
  };
}
