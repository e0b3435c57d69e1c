import { decide, hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { parseRegionCode } from '@govhall/identifiers';

/*
 * Who reaches supervision records (violations, inspections, accountability): supervisors and center admins read
 * their tenant and the tenants below it, never a sibling (decide from @govhall/auth); operations admins and service
 * accounts read everything; only a supervisor of the record's own tenant handles it (dismiss, inspect, propose), a
 * supervisor or center admin of that tenant decides.
 */
const READERS = ['supervisor', 'center_admin'] as const;
const UNRESTRICTED = ['ops_admin', 'service'] as const;

export function requireReader(actor: Principal): void {
  if (!hasAnyRole(actor, [...READERS, ...UNRESTRICTED])) {
    throw new ForbiddenError('SUPERVISION_READ_FORBIDDEN', '只有监察人员可以查看监察记录');
  }
}

export function canRead(actor: Principal, tenant: string): boolean {
  if (hasAnyRole(actor, [...UNRESTRICTED])) return true;
  return decide(actor, 'read', { type: 'violation', tenant }, { roles: READERS }).allowed;
}

/** The tenant a list asks for (the caller's own when empty), checked: a code, and one the caller may read. */
export function listedTenant(actor: Principal, requested: string): string {
  const tenant = requested || actor.tenant;
  if (!parseRegionCode(tenant).ok) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '地区代码格式不正确' }]);
  }
  requireReader(actor);
  if (!canRead(actor, tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', `无权访问其他地区（${tenant}）的监察记录`);
  }
  return tenant;
}

/** A record the caller may not read answers as one that does not exist. */
export function readable<T extends { tenant: string }>(actor: Principal, record: T | null, notFound: NotFoundError): T {
  requireReader(actor);
  if (!record || !canRead(actor, record.tenant)) throw notFound;
  return record;
}

/** Handling (dismiss, inspect, propose): a supervisor of the record's own tenant. */
export function requireHandler(
  actor: Principal,
  tenant: string,
  roles: readonly ('supervisor' | 'center_admin')[] = ['supervisor'],
): void {
  const decision = decide(actor, 'write', { type: 'violation', tenant }, { roles });
  if (!decision.allowed) {
    const message =
      decision.reason === 'ROLE_REQUIRED'
        ? `只有本级${roles.includes('center_admin') ? '中心管理员或' : ''}监察人员可以处理`
        : decision.message;
    throw new ForbiddenError('SUPERVISION_HANDLE_FORBIDDEN', message);
  }
}

const ID = /^[A-Za-z0-9._-]{1,160}$/;

export function checkId(id: string, path = 'id'): void {
  if (!ID.test(id)) throw new ValidationError([{ path, reason: 'PATTERN', message: '记录标识格式不正确' }]);
}

export function checkVersion(version: number, path = 'version'): void {
  if (!Number.isInteger(version) || version < 1) {
    throw new ValidationError([{ path, reason: 'REQUIRED', message: '请提供记录的当前版本号（从1开始的整数）' }]);
  }
}
