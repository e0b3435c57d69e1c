import { loginClientFor } from '@govhall/auth';
import { DEMO_PASSWORD, stack } from './stack';

interface TokenOptions {
  realm?: string;
  clientId?: string;
  password?: string;
}

async function tokenRequest(realm: string, form: Record<string, string>): Promise<string> {
  const res = await fetch(`${stack.keycloakUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`Keycloak token request failed (${res.status}): ${body.error_description ?? 'no token'}`);
  return body.access_token;
}

/**
 * A real access token for a seeded login (password grant on a public client meant for tests and demos): the
 * citizen portal for applicants, the staff workbench for staff (loginClientFor), unless a client is given.
 */
export function userToken(username: string, options: TokenOptions = {}): Promise<string> {
  return tokenRequest(options.realm ?? stack.realm, {
    grant_type: 'password',
    client_id: options.clientId ?? loginClientFor(username),
    username,
    password: options.password ?? DEMO_PASSWORD,
    scope: 'openid',
  });
}

/** A real service-account token (client credentials). */
export function clientToken(clientId: string, clientSecret: string, realm = stack.realm): Promise<string> {
  return tokenRequest(realm, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
}
