import * as path from 'node:path';

/** Repository root (packages/testing/src → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Endpoints of the running local stack (deploy/stack/start.sh), overridable like the services' own env. */
export const stack = {
  mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017',
  kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8080',
  realm: process.env.KEYCLOAK_REALM ?? 'govhall',
  /** Secret of the realm's `govhall-api` client, which the gateway introspects user tokens with (ADR 0015). */
  apiClientSecret: process.env.KEYCLOAK_API_CLIENT_SECRET ?? 'govhall-api-secret',
  logDir: process.env.GOVHALL_STATE
    ? path.join(process.env.GOVHALL_STATE, 'logs')
    : path.join(REPO_ROOT, '.stack', 'logs'),
};

/** Demo password of every seeded login (deploy/keycloak/govhall-realm.json). */
export const DEMO_PASSWORD = 'Demo@2026';

/** A short unique suffix so each test run works in its own databases and keys. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Runs steps together and answers their results in order; when one fails, waits for the others to settle before
 * throwing the first failure, so that nothing is left starting behind the throw (what did start is then stopped).
 */
export async function together<T extends unknown[]>(steps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 200, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
