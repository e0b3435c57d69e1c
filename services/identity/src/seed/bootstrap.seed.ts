import type { SeedTenant } from './tenancy.seed';

/**
 * Logins of the realm file (deploy/keycloak/govhall-realm.json, password Demo@2026) that bootstrap the seeded
 * tenants through identity's API before they have staff of their own. Identity's rules
 * (usecases/create-tenant, tenancy.access.ts, staff.policies.ts) decide who may do what:
 * - a root tenant is created by an `ops_admin` whose token tenant is the root's own code: `jc-city-ops` (620300)
 *   and `lz-city-ops` (620100), realm logins that exist for this step;
 * - a child tenant by a `center_admin`/`ops_admin` of its parent, and a tenant's departments and staff by one of
 *   the tenant itself: the realm's center administrators `jc-city-admin` (620300), `jc-admin` (620302),
 *   `yc-admin` (620321), `cg-admin` (620102), `yz-admin` (620123), and for 兰州市 (620100) `lz-city-ops`.
 * Once a tenant's staff exist, its seeded `<prefix>-admin` opens its windows.
 */
export const ROOT_TENANT_CREATORS: Readonly<Record<string, string>> = {
  '620300': 'jc-city-ops',
  '620100': 'lz-city-ops',
};

/** The realm login that writes each seeded tenant's children, departments and staff. */
export const BOOTSTRAP_ADMINS: Readonly<Record<string, string>> = {
  '620300': 'jc-city-admin',
  '620302': 'jc-admin',
  '620321': 'yc-admin',
  '620100': 'lz-city-ops',
  '620102': 'cg-admin',
  '620123': 'yz-admin',
};

/** Who creates the tenant: its parent's bootstrap administrator, or for a root the root's ops login. */
export function tenantCreator(tenant: Pick<SeedTenant, 'code' | 'parentCode'>): string {
  const login = tenant.parentCode ? BOOTSTRAP_ADMINS[tenant.parentCode] : ROOT_TENANT_CREATORS[tenant.code];
  if (!login) throw new Error(`no bootstrap login creates tenant ${tenant.code}`);
  return login;
}

/** Who writes the departments and staff of a seeded tenant before it has an administrator of its own. */
export function bootstrapAdmin(tenant: string): string {
  const login = BOOTSTRAP_ADMINS[tenant];
  if (!login) throw new Error(`no bootstrap login administers tenant ${tenant}`);
  return login;
}
