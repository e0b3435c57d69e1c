import { isRegionDescendant } from '@govhall/identifiers';

/**
 * The tenants that supervise a record of `tenant`: itself, its city and its province (vertical supervision, a
 * region code's structure). Stored with each record so "this tenant and below" is one equality on an index.
 */
export function supervisingTenants(tenant: string): string[] {
  const candidates = [`${tenant.slice(0, 4)}00`, `${tenant.slice(0, 2)}0000`];
  return [tenant, ...new Set(candidates.filter((c) => isRegionDescendant(c, tenant)))];
}
