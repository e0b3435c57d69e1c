/**
 * A service's center accounts for the local demo (ADR 0053: a service account of a tenant with no department,
 * created by a center administrator of the tenant through identity's CreateServiceAccount), and the SERVICE_ACCOUNTS
 * value (@govhall/auth `parseServiceAccounts`) the demo starts the service with. Never prints a secret.
 */

export interface CenterAccountSpec {
  tenant: string;
  /** Keycloak client id: lower-case letters, digits and '-', 3-50 characters (identity's rule). */
  clientId: string;
  description: string;
  /** The center administrator (center_admin of the tenant) who creates it. */
  admin: string;
}

/** What a seed needs of identity: CreateServiceAccount as the named login. */
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

/** A secret that fits SERVICE_ACCOUNTS ("<tenant>=<client id>:<secret>,…") and a shell word unquoted. */
const SAFE_SECRET = /^[A-Za-z0-9._~+/=-]+$/;

/**
 * Creates each account through identity, or finds it again: a repeat of the same request returns the same account
 * and its current secret. One at a time (Keycloak refuses simultaneous password grants of one login). An answer
 * that is not the center account asked for (a department bound to it, another tenant) stops the seed.
 */
export async function ensureCenterAccounts(
  api: CenterAccountApi,
  specs: readonly CenterAccountSpec[],
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

/** SERVICE_ACCOUNTS of a service: "<tenant>=<client id>:<secret>" entries separated by commas. */
export function serviceAccountsValue(accounts: readonly CenterAccount[]): string {
  return accounts.map((a) => `${a.tenant}=${a.clientId}:${a.secret}`).join(',');
}

/** What a seed prints, e.g. "payments seed: center accounts yc-payments (620321) ready": never a secret. */
export function describeAccounts(seed: string, accounts: readonly CenterAccount[]): string {
  return `${seed}: center accounts ${accounts.map((a) => `${a.clientId} (${a.tenant})`).join(', ')} ready`;
}
