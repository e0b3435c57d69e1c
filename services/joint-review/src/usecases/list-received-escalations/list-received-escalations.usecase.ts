import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { Escalation, EscalationState } from '../../domain/escalations/escalation';
import { isCenter, isSupervisorOf } from '../reviews/review.access';
import type { EscalationDeps } from '../escalations/escalation.ports';
import type { Page, PageQuery } from '../ports';

export interface ListEscalationsRequest {
  tenant: string;
  department: string;
  states: EscalationState[];
  sourceTenant?: string;
  caseNumber?: string;
  page: PageQuery;
}

/**
 * Whose list may the caller read: center_admin and supervisors of the tenant for every department; other staff
 * naming their own department.
 */
export function listScope(actor: Principal, request: ListEscalationsRequest): { tenant: string; department?: string } {
  const tenant = request.tenant || actor.tenant;
  const wide = isCenter(actor, tenant) || isSupervisorOf(actor, tenant);
  if (actor.kind !== 'user') throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员可以查看上报件列表');
  if (!wide && tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区的上报件');
  if (wide) return { tenant, department: request.department || undefined };
  if (!hasAnyRole(actor, ['window_clerk', 'reviewer', 'approver', 'department_head'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员可以查看上报件列表');
  }
  if (!request.department || request.department !== actor.department) {
    throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本部门的上报件');
  }
  return { tenant, department: request.department };
}

const OPEN_RECEIVED: EscalationState[] = ['transferring', 'in_handling', 'returned'];

/** The parent's escalations received, earliest case due date first. */
export function listReceivedEscalationsUseCase(deps: Pick<EscalationDeps, 'escalations'>) {
  return async (request: ListEscalationsRequest, actor: Principal): Promise<Page<Escalation>> => {
    const scope = listScope(actor, request);
    return deps.escalations.list(
      {
        ...scope,
        side: 'receiver',
        states: request.states.length > 0 ? request.states : OPEN_RECEIVED,
        sourceTenant: request.sourceTenant || undefined,
      },
      request.page,
    );
  };
}
