import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { pageSize } from '@govhall/paging';
import type { Agreement, AgreementState } from '../../domain/delegation/agreement';
import { maySeeAgreements } from '../delegation/delegation.access';
import type { DelegationDeps } from '../delegation/delegation.ports';
import type { Page } from '../ports';

const TENANT = /^\d{6}(\d{3}(\d{3})?)?$/;

export interface ListAgreementsRequest {
  tenant: string;
  department: string;
  itemSeriesId: string;
  state?: AgreementState;
  page: { pageSize: number; pageToken: string };
}

/** A tenant's agreements, newest first, for its staff and supervisors (another tenant: TENANT_OUT_OF_SCOPE). */
export function listAgreementsUseCase(deps: Pick<DelegationDeps, 'agreements'>) {
  return async (request: ListAgreementsRequest, actor: Principal): Promise<Page<Agreement>> => {
    if (request.tenant && !TENANT.test(request.tenant)) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }]);
    }
    const tenant = request.tenant || actor.tenant;
    if (!maySeeAgreements(actor, tenant)) {
      if (tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的委托代办协议');
      throw new ForbiddenError('ROLE_REQUIRED', '您没有查看委托代办协议的权限');
    }
    return deps.agreements.list(
      {
        tenant,
        ...(request.department ? { department: request.department } : {}),
        ...(request.itemSeriesId ? { itemSeriesId: request.itemSeriesId } : {}),
        ...(request.state ? { state: request.state } : {}),
      },
      { pageSize: pageSize(request.page.pageSize), pageToken: request.page.pageToken },
    );
  };
}
