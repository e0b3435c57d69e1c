import { decide, hasAnyRole, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { isRegionDescendant } from '@govhall/identifiers';
import type { TenantSelector } from './clocks.ports';

const TENANT = /^\d{6}$/;
const ID = /^[A-Za-z0-9_.-]{1,64}$/;
/** A matter: a case's UUID, an order's id, or a joint review's leg, "<review id>:co_review:<n>" (ADR 0052). */
const MATTER_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Roles that read every tenant's supervision data (operations, service accounts). */
const UNRESTRICTED: Role[] = ['ops_admin', 'service'];

export function isUnrestricted(actor: Principal): boolean {
  return hasAnyRole(actor, UNRESTRICTED);
}

/** Whether the actor may read a tenant's clocks and signals with `roles` (own tenant and below, never a sibling). */
export function mayRead(actor: Principal, tenant: string, roles: Role[] = ['supervisor']): boolean {
  return isUnrestricted(actor) || decide(actor, 'read', { type: 'supervision', tenant }, { roles }).allowed;
}

/**
 * The tenants a read covers: the requested tenant (the caller's own when empty), with those below it when asked.
 * Refused with a reason in Chinese: a malformed tenant (INVALID_ARGUMENT), a caller without a supervising role or
 * a tenant outside its scope (PERMISSION_DENIED).
 */
export function readSelector(
  actor: Principal,
  request: { tenant: string; includeSubordinates: boolean },
  roles: Role[] = ['supervisor'],
): TenantSelector {
  if (!hasAnyRole(actor, [...roles, ...UNRESTRICTED])) {
    throw new ForbiddenError('SUPERVISION_READ_FORBIDDEN', '只有监察人员可以查看监察记录');
  }
  if (request.tenant && !TENANT.test(request.tenant)) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '地区代码应为6位数字' }]);
  }
  const tenant = request.tenant || actor.tenant;
  if (!tenant) throw new ValidationError([{ path: 'tenant', reason: 'REQUIRED', message: '请指定地区代码' }]);
  if (!isUnrestricted(actor)) {
    const d = decide(actor, 'read', { type: 'supervision', tenant }, { roles });
    if (!d.allowed) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', d.message);
  }
  return { tenant, includeSubordinates: request.includeSubordinates };
}

/**
 * Whether the actor reads as a hall's big screen (ADR 0049): the device role `hall_screen` without a supervising or
 * unrestricted role (a supervisor who also holds it reads as a supervisor).
 */
export function isHallScreen(actor: Principal): boolean {
  return actor.roles.includes('hall_screen') && !hasAnyRole(actor, ['supervisor', ...UNRESTRICTED]);
}

/**
 * The tenants a read of the big screen covers: a hall screen its own tenant alone (an empty tenant means it; another
 * tenant or the tenants below are refused with PERMISSION_DENIED), anyone else as readSelector.
 */
export function hallReadSelector(
  actor: Principal,
  request: { tenant: string; includeSubordinates: boolean },
): TenantSelector {
  if (!isHallScreen(actor)) return readSelector(actor, request);
  if (request.tenant && !TENANT.test(request.tenant)) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '地区代码应为6位数字' }]);
  }
  if (!actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '大屏账号未分配所属地区，无权查看');
  if ((request.tenant && request.tenant !== actor.tenant) || request.includeSubordinates) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '大屏账号只能查看本大厅（本地区）的数据');
  }
  return { tenant: actor.tenant, includeSubordinates: false };
}

/** Whether `tenant` is covered by the selector. */
export function covers(selector: TenantSelector, tenant: string): boolean {
  return tenant === selector.tenant || (selector.includeSubordinates && isRegionDescendant(selector.tenant, tenant));
}

/** A matter id (GetMatterClock, ListSignals' filter): letters, digits, `_ . - :`, at most 128. */
export function checkMatterId(value: string, path: string, required: boolean): void {
  if (!value && !required) return;
  if (!MATTER_ID.test(value)) {
    throw new ValidationError([{ path, reason: value ? 'PATTERN' : 'REQUIRED', message: '办件标识格式不正确' }]);
  }
}

export function checkId(value: string, path: string, what: string, required: boolean): void {
  if (!value && !required) return;
  if (!ID.test(value)) {
    throw new ValidationError([{ path, reason: value ? 'PATTERN' : 'REQUIRED', message: `${what}格式不正确` }]);
  }
}
