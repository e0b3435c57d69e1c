import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { pageSize } from '@govhall/paging';
import type { DelegatedCase, DelegatedCaseState } from '../../domain/delegation/delegated-case';
import type { DelegationDeps } from '../delegation/delegation.ports';
import type { Page } from '../ports';
import { DEPARTMENT_STAFF, isCenter, isSupervisorOf } from '../reviews/review.access';

const TENANT = /^\d{6}(\d{3}(\d{3})?)?$/;
const OPEN: DelegatedCaseState[] = ['at_center', 'at_department', 'replying'];

export interface ListDelegatedCasesRequest {
  tenant: string;
  department: string;
  windowId: string;
  states: DelegatedCaseState[];
  page: { pageSize: number; pageToken: string };
}

/**
 * A tenant's delegated cases, earliest due leg first: the center and supervisors all; a comprehensive window's
 * clerks naming their window (its department's clerks, or whoever serves it today); a department's staff their
 * department (the caller's when none is named). Otherwise DEPARTMENT_OUT_OF_SCOPE (TENANT_OUT_OF_SCOPE for another
 * tenant).
 */
export function listDelegatedCasesUseCase(deps: Pick<DelegationDeps, 'delegatedCases' | 'windows' | 'duty'>) {
  return async (request: ListDelegatedCasesRequest, actor: Principal): Promise<Page<DelegatedCase>> => {
    if (request.tenant && !TENANT.test(request.tenant)) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }]);
    }
    const tenant = request.tenant || actor.tenant;
    const supervised = isSupervisorOf(actor, tenant);
    if (tenant !== actor.tenant && !supervised) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的代受理件');
    }
    const overseer = isCenter(actor, tenant) || supervised;
    const staff = actor.kind === 'user' && hasAnyRole(actor, DEPARTMENT_STAFF);
    if (!overseer && !staff) throw new ForbiddenError('ROLE_REQUIRED', '您没有查看代受理件的权限');
    let department = request.department;
    if (!overseer) {
      if (request.windowId && !department) {
        const window = await deps.windows.get(tenant, request.windowId);
        const ofWindow =
          hasAnyRole(actor, ['window_clerk']) &&
          ((window && window.department === actor.department) ||
            (await deps.duty.windowResponsible(tenant, request.windowId)) === actor.username);
        if (!ofWindow) throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本窗口受理的代受理件');
      } else {
        department ||= actor.department ?? '';
        if (department !== actor.department) {
          throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本部门的代受理件');
        }
      }
    }
    return deps.delegatedCases.list(
      {
        tenant,
        ...(department ? { department } : {}),
        ...(request.windowId ? { windowId: request.windowId } : {}),
        states: request.states.length > 0 ? [...new Set(request.states)] : OPEN,
      },
      { pageSize: pageSize(request.page.pageSize), pageToken: request.page.pageToken },
    );
  };
}
