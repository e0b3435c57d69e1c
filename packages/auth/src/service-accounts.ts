import { ServiceTokenSource } from './service-token';

/**
 * A service's own center accounts (no department, ADR 0053), one per hosted tenant (ADR 0052); e.g. the cases service
 * takes a joint review's conclusion only from a service account of the case's tenant that may reach its lead
 * department, and identity answers who serves any department's window. Configured as `SERVICE_ACCOUNTS`:
 * "<tenant>=<client id>:<secret>" entries separated by commas.
 */
export class ServiceAccounts {
  private readonly sources = new Map<string, ServiceTokenSource>();

  constructor(
    entries: ReadonlyMap<string, { clientId: string; clientSecret: string }>,
    keycloak: { keycloakUrl: string; realm: string },
  ) {
    for (const [tenant, client] of entries) {
      this.sources.set(tenant, new ServiceTokenSource({ ...keycloak, ...client }));
    }
  }

  /** The tenant's token, or '' when the service holds no account of that tenant. */
  async tokenFor(tenant: string): Promise<string> {
    const source = this.sources.get(tenant);
    return source ? source.token() : '';
  }

  has(tenant: string): boolean {
    return this.sources.has(tenant);
  }
}

/** Parses SERVICE_ACCOUNTS; a malformed entry is a start-up error naming the entry's position, never its secret. */
export function parseServiceAccounts(value: string): Map<string, { clientId: string; clientSecret: string }> {
  const entries = new Map<string, { clientId: string; clientSecret: string }>();
  value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const m = /^(\d{6}(?:\d{3}(?:\d{3})?)?)=([A-Za-z0-9_.-]+):(.+)$/.exec(entry);
      if (!m) throw new Error(`SERVICE_ACCOUNTS entry ${i + 1} is not "<tenant>=<client id>:<secret>"`);
      entries.set(m[1]!, { clientId: m[2]!, clientSecret: m[3]! });
    });
  return entries;
}
