import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { stack } from './stack';

/**
 * Logging in through Keycloak's real login pages in the browser: an authorization request of a public client with
 * PKCE (S256), as the web apps make it, the login form filled and submitted, and the code exchanged for tokens.
 */

export interface AuthorizationRequest {
  /** The URL to open: Keycloak's authorization endpoint with the request's parameters. */
  url: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeVerifier: string;
  keycloakUrl: string;
  realm: string;
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** A PKCE code challenge (S256) of a verifier (RFC 7636 4.2). */
export function codeChallenge(verifier: string): string {
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
}

/** An authorization-code request with a fresh state and PKCE verifier. `uiLocales` asks Keycloak for a language. */
export function authorizationRequest(options: {
  clientId: string;
  redirectUri: string;
  scope?: string;
  uiLocales?: string;
  keycloakUrl?: string;
  realm?: string;
}): AuthorizationRequest {
  const keycloakUrl = (options.keycloakUrl ?? stack.keycloakUrl).replace(/\/+$/, '');
  const realm = options.realm ?? stack.realm;
  const state = base64url(randomBytes(16));
  const codeVerifier = base64url(randomBytes(32));
  const query = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid',
    state,
    code_challenge: codeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  if (options.uiLocales) query.set('ui_locales', options.uiLocales);
  return {
    url: `${keycloakUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/auth?${query}`,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    state,
    codeVerifier,
    keycloakUrl,
    realm,
  };
}

export interface Tokens {
  accessToken: string;
  idToken?: string;
  /** The access token's claims (read, not verified: the test talks to Keycloak itself). */
  claims: Record<string, unknown>;
}

/** Reads a JWT's payload without verifying it. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Checks the callback (state, no error) and exchanges its code for tokens with the request's PKCE verifier. */
export async function exchangeCode(request: AuthorizationRequest, callbackUrl: string | URL): Promise<Tokens> {
  const callback = new URL(callbackUrl);
  const error = callback.searchParams.get('error');
  if (error)
    throw new Error(`authorization failed: ${error} ${callback.searchParams.get('error_description') ?? ''}`.trim());
  if (callback.searchParams.get('state') !== request.state) throw new Error('callback state does not match');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error('callback without a code');
  const res = await fetch(
    `${request.keycloakUrl}/realms/${encodeURIComponent(request.realm)}/protocol/openid-connect/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: request.clientId,
        redirect_uri: request.redirectUri,
        code,
        code_verifier: request.codeVerifier,
      }),
    },
  );
  const body = (await res.json()) as { access_token?: string; id_token?: string; error_description?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`code exchange failed (${res.status}): ${body.error_description ?? 'no token'}`);
  return { accessToken: body.access_token, idToken: body.id_token, claims: jwtClaims(body.access_token) };
}

export interface Credentials {
  username: string;
  password: string;
}

async function fillAndSubmit(page: Page, { username, password }: Credentials): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

/** Fills Keycloak's login form (username, password) and submits it; resolves when the next page has loaded. */
export async function submitKeycloakLogin(page: Page, credentials: Credentials): Promise<void> {
  await fillAndSubmit(page, credentials);
  await page.waitForLoadState('load');
}

/** The error Keycloak shows at a field of its form (`#input-error-<field>`), or null when there is none. */
export async function keycloakFieldError(page: Page, field = 'username'): Promise<string | null> {
  const error = page.locator(`#input-error-${field}`);
  if ((await error.count()) === 0) return null;
  return (await error.innerText()).trim();
}

/**
 * Logs in on Keycloak's login page the browser shows and waits for the redirect back to `returnTo` (a URL prefix,
 * normally the client's redirect URI). Returns the URL it came back to. When Keycloak keeps the browser (wrong
 * password, locked account), fails with the message the page shows.
 */
export async function keycloakLogin(
  page: Page,
  credentials: Credentials & { returnTo: string; timeoutMs?: number },
): Promise<URL> {
  const { returnTo, timeoutMs = 15_000 } = credentials;
  await fillAndSubmit(page, credentials);
  try {
    await page.waitForURL((url) => url.href.startsWith(returnTo), { timeout: timeoutMs });
  } catch (e) {
    const shown =
      (await keycloakFieldError(page).catch(() => null)) ??
      (await page
        .locator('.kc-feedback-text')
        .first()
        .innerText({ timeout: 1000 })
        .catch(() => null));
    throw new Error(
      `Keycloak login of ${credentials.username} did not return to ${returnTo}` +
        (shown ? `: the page says "${shown.trim()}"` : `: ${(e as Error).message}`),
    );
  }
  return new URL(page.url());
}
