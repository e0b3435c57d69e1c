import { maskText } from '@govhall/identifiers';

/**
 * For seeds and tools that act as real people on the local stack (never for services, which verify tokens and call
 * each other with client credentials, see ServiceTokenSource).
 */
/**
 * The client a seeded login signs in through: applicants (login = ID number; the realm's demo applicant
 * `zhang-san`) through the citizen portal, everyone else through the staff workbench, which refuses applicants and
 * whose tokens alone carry staff roles (ClientChannels, ADR 0015).
 */
export function loginClientFor(username: string): 'govhall-portal' | 'govhall-workbench' {
  return /^\d{17}[\dXx]$/.test(username) || username === 'zhang-san' ? 'govhall-portal' : 'govhall-workbench';
}

/**
 * Access tokens of password logins (public client, password grant), each reused until shortly before it expires.
 * Callers asking for one login at once share one grant: Keycloak refuses all but one of simultaneous password grants
 * of one user ("Invalid user credentials").
 */
export class PasswordLogins {
  private readonly cache = new Map<string, { token: Promise<string>; until: number }>();

  constructor(private readonly options: { keycloakUrl: string; realm: string; password: string; clientId?: string }) {}

  token(username: string): Promise<string> {
    const cached = this.cache.get(username);
    if (cached && cached.until > Date.now()) return cached.token;
    const grant = this.grant(username);
    const entry = { token: grant.then(({ token }) => token), until: Number.POSITIVE_INFINITY };
    this.cache.set(username, entry);
    grant.then(
      ({ lifetimeMs }) => (entry.until = Date.now() + lifetimeMs),
      () => this.cache.get(username) === entry && this.cache.delete(username),
    );
    return entry.token;
  }

  private async grant(username: string): Promise<{ token: string; lifetimeMs: number }> {
    const { keycloakUrl, realm, password, clientId = loginClientFor(username) } = this.options;
    const res = await fetch(`${keycloakUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password }),
    });
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error_description?: string;
    };
    if (!res.ok || !body.access_token) {
      throw new Error(
        maskText(`login of ${username} failed (HTTP ${res.status}: ${body.error_description ?? 'no token'})`),
      );
    }
    return { token: body.access_token, lifetimeMs: Math.max((body.expires_in ?? 60) - 30, 5) * 1000 };
  }
}
