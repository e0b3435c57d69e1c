/**
 * The joint-review service's center accounts of the local demo (ADR 0053: a service account of a tenant with no
 * department, created by a center administrator of the tenant through identity's CreateServiceAccount), and the
 * SERVICE_ACCOUNTS value (src/config.ts) the demo starts the service with. Never prints a secret.
 */

export interface CenterAccountSpec {
  tenant: string;
  /** Keycloak client id: lower-case letters, digits and '-', 3-50 characters (identity's rule). */
  clientId: string;
  description: string;
  /** The center administrator (center_admin of the tenant) who creates it. */
  admin: string;
}

/** What the seed needs of identity: CreateServiceAccount as the named login. */
export interface CenterAccountApi {
  createServiceAccount(
    request: { tenant: string; department: string; clientId: string; description: string },
    as: string,
  ): Promise<{ tenant: string; department: string; clientId: string; secret: string }>;
}

export interface CenterAccount {
  tenant: string;
  clientId: string;
  secret: string;
}

/**
 * 永昌县 (620321), the seeded county whose catalogue holds the demo's 联办件, as its realm-file center administrator
 * yc-admin (password Demo@2026 like every demo login).
 */
export const DEMO_CENTER_ACCOUNTS: readonly CenterAccountSpec[] = [
  { tenant: '620321', clientId: 'yc-joint-review', description: '联合审批服务', admin: 'yc-admin' },
];

/** A secret that fits SERVICE_ACCOUNTS ("<tenant>=<client id>:<secret>,…") and a shell word unquoted. */
const SAFE_SECRET = /^[A-Za-z0-9._~+/=-]+$/;

/**
 * Creates each account through identity, or finds it again: a repeat of the same request returns the same account
 * and its current secret. One at a time (Keycloak refuses simultaneous password grants of one login). An answer
 * that is not the center account asked for (a department bound to it, another tenant) stops the seed.
 */
export async function ensureCenterAccounts(
  api: CenterAccountApi,
  specs: readonly CenterAccountSpec[] = DEMO_CENTER_ACCOUNTS,
): Promise<CenterAccount[]> {
  const accounts: CenterAccount[] = [];
  for (const spec of specs) {
    const created = await api.createServiceAccount(
      { tenant: spec.tenant, department: '', clientId: spec.clientId, description: spec.description },
      spec.admin,
    );
    if (created.tenant !== spec.tenant || created.department !== '' || created.clientId !== spec.clientId) {
      throw new Error(
        `service account ${spec.clientId}: identity answered tenant ${created.tenant}, department ` +
          `"${created.department}", client ${created.clientId}; expected a center account of ${spec.tenant}`,
      );
    }
    if (!SAFE_SECRET.test(created.secret)) {
      throw new Error(`service account ${spec.clientId}: identity answered no usable secret (is it provisioned?)`);
    }
    accounts.push({ tenant: spec.tenant, clientId: spec.clientId, secret: created.secret });
  }
  return accounts;
}

/** SERVICE_ACCOUNTS of joint-review: "<tenant>=<client id>:<secret>" entries separated by commas. */
export function serviceAccountsValue(accounts: readonly CenterAccount[]): string {
  return accounts.map((a) => `${a.tenant}=${a.clientId}:${a.secret}`).join(',');
}

/** What the seed prints: tenants and client ids, never a secret. */
export function describeAccounts(accounts: readonly CenterAccount[]): string {
  return `joint-review seed: center accounts ${accounts.map((a) => `${a.clientId} (${a.tenant})`).join(', ')} ready`;
}
