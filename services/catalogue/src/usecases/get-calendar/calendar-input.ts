import { isRealDate } from '@govhall/calendar';
import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { parseRegionCode } from '@govhall/identifiers';

// Checks shared by the calendar use cases.

/** The tenant whose calendar is asked for: a valid region code. */
export function tenantViolations(tenant: string): Violation[] {
  const parsed = parseRegionCode(tenant);
  return parsed.ok ? [] : [{ path: 'tenant', ...parsed.violation }];
}

/** A real calendar day written YYYY-MM-DD. */
export function dateViolations(path: string, date: string): Violation[] {
  if (date === '') return [{ path, reason: 'REQUIRED', message: '请填写日期，格式 YYYY-MM-DD，如 2026-03-20' }];
  if (isRealDate(date)) return [];
  return [{ path, reason: 'DATE', message: `日期“${date}”无效，应为真实存在的日期，格式 YYYY-MM-DD，如 2026-03-20` }];
}

/** A whole number in [min, max]. */
export function rangeViolations(path: string, value: number, min: number, max: number, what: string): Violation[] {
  if (Number.isInteger(value) && value >= min && value <= max) return [];
  return [{ path, reason: 'RANGE', message: `${what}应为 ${min} 至 ${max} 之间的整数，当前为 ${String(value)}` }];
}

/** Throws the collected violations, if any. */
export function throwIfInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

/** `hostedTenants` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any. */
export function ensureHosted(hostedTenants: readonly string[] | undefined, tenant: string): void {
  if (hostedTenants?.length && !hostedTenants.includes(tenant)) {
    throw new PreconditionError('TENANT_NOT_HOSTED', `本平台未托管行政区划 ${tenant}，请到其所属平台办理`);
  }
}
