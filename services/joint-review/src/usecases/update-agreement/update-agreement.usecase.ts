import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { updateAgreement, type Agreement, type AgreementContent } from '../../domain/delegation/agreement';
import { agreementFacts, requireItemsFree } from '../delegation/agreement-facts';
import { agreementNotFound, maySeeAgreements, requireCenterAdmin } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';
import { requireKnownAttachments } from '../reviews/task-write';

export interface UpdateAgreementRequest {
  id: string;
  expectedVersion: number;
  content: AgreementContent;
  attachmentIds: string[];
}

/** The center replaces an ACTIVE agreement's items, windows, budgets and dates; delegated cases keep their legs. */
export function updateAgreementUseCase(
  deps: Pick<DelegationDeps, 'agreements' | 'items' | 'windows' | 'duty' | 'clock'>,
) {
  return async (request: UpdateAgreementRequest, actor: Principal): Promise<Agreement> => {
    const agreement = request.id ? await deps.agreements.findById(request.id) : null;
    if (!agreement || !maySeeAgreements(actor, agreement.tenant)) throw agreementNotFound();
    requireCenterAdmin(actor);
    if (agreement.version !== request.expectedVersion) {
      throw new ConcurrencyError('该协议已被他人修改，请刷新后重试');
    }
    const facts = await agreementFacts(deps, agreement.tenant, request.content);
    const next = updateAgreement(agreement, request.content, facts, [], deps.clock.now());
    requireKnownAttachments(request.attachmentIds);
    await requireItemsFree(deps, agreement.tenant, request.content, agreement.id);
    return deps.agreements.save(next, request.expectedVersion);
  };
}
