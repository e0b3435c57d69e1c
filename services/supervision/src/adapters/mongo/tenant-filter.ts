import type { TenantSelector } from '../../usecases/clocks.ports';

/**
 * The region-code prefix of a tenant and everything below it: a province 62xxxx, a city 6203xx, a county or
 * district itself (its towns carry longer codes).
 */
export function regionPrefix(tenant: string): string {
  if (tenant.endsWith('0000')) return tenant.slice(0, 2);
  if (tenant.endsWith('00')) return tenant.slice(0, 4);
  return tenant;
}

/** The filter on `tenant` of a selector (the use case checks every result against the caller's scope again). */
export function tenantFilter(s: TenantSelector): Record<string, unknown> {
  return s.includeSubordinates ? { tenant: { $regex: `^${regionPrefix(s.tenant)}` } } : { tenant: s.tenant };
}
