// Shared by the k6 scenarios: configuration from environment variables and the bearer token.
// k6 runs TypeScript itself (k6 ≥ 1.0); these files are only type-checked here (tsc -p loadtests/tsconfig.json).
import http from 'k6/http';
import { fail } from 'k6';

/** Gateway base URL, without a trailing slash. */
export const BASE_URL = (__ENV.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
export const TENANT = __ENV.TENANT ?? '620321';
export const DEPARTMENT = __ENV.DEPARTMENT ?? `${TENANT}-SCJG`;

/** A number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const value = __ENV[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`${name} must be a positive number, got ${value}`);
  return n;
}

// Per VU (each VU has its own module state): the token and when to renew it.
let cached: { token: string; renewAt: number } | undefined;

/**
 * The bearer token: TOKEN as given (it must outlive the run: Keycloak's default access token lives 5 minutes), or,
 * when USERNAME and PASSWORD are set, a password-grant token from KEYCLOAK_URL that each VU renews before it expires.
 */
export function token(): string {
  if (__ENV.TOKEN) return __ENV.TOKEN;
  if (!__ENV.USERNAME || !__ENV.PASSWORD) fail('set TOKEN, or USERNAME and PASSWORD (with KEYCLOAK_URL)');
  const now = Date.now();
  if (cached && now < cached.renewAt) return cached.token;
  const keycloak = (__ENV.KEYCLOAK_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  const realm = __ENV.KEYCLOAK_REALM ?? 'govhall';
  const res = http.post(
    `${keycloak}/realms/${realm}/protocol/openid-connect/token`,
    {
      grant_type: 'password',
      client_id: __ENV.CLIENT_ID ?? 'govhall-workbench',
      username: __ENV.USERNAME,
      password: __ENV.PASSWORD,
    },
    { tags: { name: 'keycloak token' } },
  );
  if (res.status !== 200) fail(`login of ${__ENV.USERNAME} failed: HTTP ${res.status}`);
  const accessToken = String(res.json('access_token'));
  const expiresIn = Number(res.json('expires_in') ?? 300);
  cached = { token: accessToken, renewAt: now + Math.max(10, expiresIn - 30) * 1000 };
  return accessToken;
}

export const authHeaders = (): Record<string, string> => ({ authorization: `Bearer ${token()}` });

/** The body of a draft item (the gateway's DraftItemBody). */
export const draftItem = (name: string) =>
  JSON.stringify({
    tenant: TENANT,
    name,
    basicCode: '000172028000',
    kind: '01',
    handlingCategory: 'promised',
    department: DEPARTMENT,
  });
