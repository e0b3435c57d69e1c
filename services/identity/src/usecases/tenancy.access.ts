import type { Authorizer, Principal, Role } from '@govhall/auth';
import { NotFoundError, PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { parseRegionCode } from '@govhall/identifiers';
import type { Tenant } from '../domain/tenant';
import type { PostFacts } from '../domain/window';
import type { StaffFacts } from './staff-facts.port';
import type { TenantRepository } from './tenancy.ports';

/** Who writes tenants, departments and windows: the tenant's own center administrators and operations. */
export const TENANCY_WRITERS: readonly Role[] = ['center_admin', 'ops_admin'];

/** A write in `tenant` by its center administrator or operations admin (ForbiddenError otherwise). */
export function ensureTenancyWrite(
  authorizer: Authorizer,
  actor: Principal,
  resource: { type: string; id?: string; tenant: string },
  roles: readonly Role[] = TENANCY_WRITERS,
): void {
  authorizer.ensure(actor, 'write', resource, { roles });
}

/** `hostedTenants` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any. */
export function ensureHosted(hostedTenants: readonly string[] | undefined, tenant: string): void {
  if (hostedTenants?.length && !hostedTenants.includes(tenant)) {
    throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${tenant}，请到其所属平台办理`);
  }
}

export async function requireTenant(tenants: TenantRepository, code: string): Promise<Tenant> {
  const tenant = await tenants.findByCode(code);
  if (!tenant) throw new NotFoundError('TENANT_NOT_FOUND', `未找到行政区划代码为 ${code} 的租户`);
  return tenant;
}

/** Optimistic concurrency needs the version the caller read (versions start at 1). */
export function expectedVersionViolations(expectedVersion: number): Violation[] {
  if (Number.isInteger(expectedVersion) && expectedVersion >= 1) return [];
  return [
    {
      path: 'expectedVersion',
      reason: 'REQUIRED',
      message: '请提供读取时的版本号（expectedVersion），以免覆盖他人的修改',
    },
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function windowIdViolations(id: string): Violation[] {
  return UUID.test(id) ? [] : [{ path: 'windowId', reason: 'PATTERN', message: '窗口标识格式不正确' }];
}

/** Throws the collected violations, if any. */
export function throwIfInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

/** A code that names a tenant: a valid region code. */
export function tenantCodeViolations(path: string, code: string): Violation[] {
  const parsed = parseRegionCode(code);
  return parsed.ok ? [] : [{ path, ...parsed.violation }];
}

/** The staff records named for the A and B posts (missing ones stay undefined). */
export async function postFacts(staff: StaffFacts, aId: string, bId: string): Promise<PostFacts> {
  const ids = [...new Set([aId.trim(), bId.trim()].filter((id) => id !== ''))];
  const found = ids.length > 0 ? await staff.findByIds(ids) : [];
  return { a: found.find((s) => s.id === aId.trim()), b: found.find((s) => s.id === bId.trim()) };
}
