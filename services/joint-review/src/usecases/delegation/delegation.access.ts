import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError } from '@govhall/errors';
import type { DelegatedCase } from '../../domain/delegation/delegated-case';
import { DEPARTMENT_STAFF, isCenter, isSupervisorOf } from '../reviews/review.access';
import type { DelegationDeps } from './delegation.ports';

export const agreementNotFound = (): NotFoundError => new NotFoundError('AGREEMENT_NOT_FOUND', '找不到该委托代办协议');
export const delegatedCaseNotFound = (): NotFoundError =>
  new NotFoundError('DELEGATED_CASE_NOT_FOUND', '找不到该代受理件');

/** Staff of the tenant read agreements (the comprehensive windows need them), as do supervisors. */
export function maySeeAgreements(actor: Principal, tenant: string): boolean {
  const staff =
    actor.kind === 'user' && actor.tenant === tenant && hasAnyRole(actor, [...DEPARTMENT_STAFF, 'center_admin']);
  return staff || isSupervisorOf(actor, tenant);
}

/** Only the center (center_admin of the tenant) records, changes and ends agreements. */
export function requireCenterAdmin(actor: Principal): void {
  if (actor.kind !== 'user' || !hasAnyRole(actor, ['center_admin'])) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有政务服务中心管理员可以管理委托代办协议');
  }
}

/**
 * Who reads a delegated case: the center, supervisors, staff of the entrusting department, and the clerks of the
 * accepting comprehensive window (its department's window clerks, and whoever serves it today).
 */
export async function maySeeDelegatedCase(
  deps: Pick<DelegationDeps, 'windows' | 'duty'>,
  actor: Principal,
  dc: DelegatedCase,
): Promise<boolean> {
  if (isCenter(actor, dc.tenant) || isSupervisorOf(actor, dc.tenant)) return true;
  if (actor.kind !== 'user' || actor.tenant !== dc.tenant) return false;
  if (actor.department === dc.department && hasAnyRole(actor, DEPARTMENT_STAFF)) return true;
  if (!hasAnyRole(actor, ['window_clerk'])) return false;
  const window = await deps.windows.get(dc.tenant, dc.windowId);
  if (window && actor.department === window.department) return true;
  return (await deps.duty.windowResponsible(dc.tenant, dc.windowId)) === actor.username;
}
