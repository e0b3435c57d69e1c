import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError } from '@govhall/errors';
import { recordAgreement, type Agreement, type AgreementContent } from '../../domain/delegation/agreement';
import { agreementFacts, requireItemsFree } from '../delegation/agreement-facts';
import { requireCenterAdmin } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';
import { requireKnownAttachments } from '../reviews/task-write';

export interface CreateAgreementRequest {
  requestId: string;
  /** Empty: the caller's tenant. */
  tenant: string;
  content: AgreementContent;
  attachmentIds: string[];
}

function fingerprint(r: CreateAgreementRequest, tenant: string): string {
  return createHash('sha256')
    .update(JSON.stringify([tenant, r.content, r.attachmentIds]))
    .digest('hex');
}

function sameOrReused(agreement: Agreement, asked: string): Agreement {
  if (agreement.requestFingerprint === asked) return agreement;
  throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一份协议，请使用新的请求编号');
}

/**
 * The center (center_admin of the tenant) records a signed entrustment agreement (J7): items of the department,
 * comprehensive windows serving it, no item under another agreement for an overlapping period. The same request id
 * again answers the first agreement.
 */
export function createAgreementUseCase(
  deps: Pick<DelegationDeps, 'agreements' | 'items' | 'windows' | 'duty' | 'clock' | 'ids'>,
) {
  return async (request: CreateAgreementRequest, actor: Principal): Promise<Agreement> => {
    requireCenterAdmin(actor);
    const tenant = request.tenant || actor.tenant;
    if (tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能管理本地区的委托代办协议');
    const asked = fingerprint(request, tenant);
    const earlier = request.requestId ? await deps.agreements.findByRequest(tenant, request.requestId) : null;
    if (earlier) return sameOrReused(earlier, asked);

    const facts = await agreementFacts(deps, tenant, request.content);
    const agreement = recordAgreement({
      id: deps.ids.newId(),
      tenant,
      requestId: request.requestId,
      content: request.content,
      facts,
      documents: [],
      by: actor.username,
      at: deps.clock.now(),
    });
    requireKnownAttachments(request.attachmentIds);
    await requireItemsFree(deps, tenant, request.content, agreement.id);
    const stored = await deps.agreements.insert({ ...agreement, requestFingerprint: asked });
    return stored.created ? stored.agreement : sameOrReused(stored.agreement, asked);
  };
}
