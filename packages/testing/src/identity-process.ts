/* identity as its own process for tests of identity and of the services that call it (the catalogue's guide
 * names, ADR 0017). */
import { createGrpcClient } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { freePort, runProcess, startProcess, type RunningProcess } from './processes';
import { stack, uniqueSuffix } from './stack';

/** Secret of the realm's govhall-identity client (deploy/keycloak/govhall-realm.json). */
export const IDENTITY_ADMIN_SECRET = 'govhall-identity-secret';

export interface IdentityUnderTest {
  db: string;
  port: number;
  env: Record<string, string>;
  process: RunningProcess;
  client: identityV1.IdentityServiceClient;
  /** Starts the process again on the same port and database (after a crash), with other env overrides. */
  restart(overrides?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * identity's environment. `catalogueAddress`: the catalogue that agent grants naming items are checked against;
 * by default none (port 1 never answers), so such a grant is refused as unavailable.
 */
export function identityEnv(
  db: string,
  port: number,
  metricsPort: number,
  catalogueAddress = '127.0.0.1:1',
): Record<string, string> {
  return {
    MONGODB_URI: stack.mongoUri,
    MONGODB_DB: db,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    KEYCLOAK_ADMIN_CLIENT_SECRET: IDENTITY_ADMIN_SECRET,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(port),
    METRICS_HOST: '127.0.0.1',
    METRICS_PORT: String(metricsPort),
    OUTBOX_POLL_MS: '200',
    LOG_LEVEL: 'info',
    CATALOGUE_GRPC_ADDR: catalogueAddress,
  };
}

/**
 * Seeds the tenant tree and departments (no logins) with the identity seed, through the RUNNING identity at
 * `address` (its gRPC API, as the realm file's bootstrap logins).
 */
export async function seedTenancy(address: string): Promise<void> {
  await runProcess({
    name: 'identity-seed',
    entry: 'services/identity/dist/seed/run-seed.js',
    args: ['--only', 'tenancy'],
    env: { IDENTITY_GRPC_ADDR: address, KEYCLOAK_URL: stack.keycloakUrl, KEYCLOAK_REALM: stack.realm },
  });
}

/**
 * identity as its own process on a fresh database, then the seeded tenant tree through its API. `options.port`: the
 * port to listen on (a free one from freePort), for a process started alongside that must know it beforehand.
 */
export async function startIdentity(
  extraEnv: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<IdentityUnderTest> {
  const db = `govhall_identity_t${uniqueSuffix()}`;
  const port = options.port ?? (await freePort());
  const env = { ...identityEnv(db, port, await freePort()), ...extraEnv };
  const start = (overrides: Record<string, string>) =>
    startProcess({
      name: 'identity',
      entry: 'services/identity/dist/main.js',
      env: { ...env, ...overrides },
      readyPort: port,
    });
  const started = await start({});
  try {
    await seedTenancy(`127.0.0.1:${port}`);
  } catch (e) {
    await started.stop();
    throw e;
  }
  const under: IdentityUnderTest = {
    db,
    port,
    env,
    process: started,
    client: createGrpcClient(identityV1.IdentityServiceClient, `127.0.0.1:${port}`, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetTenant', 'ListTenants', 'GetStaff', 'ListStaff', 'GetMyProfile'],
    }),
    async restart(overrides = {}) {
      await under.process.stop();
      under.process = await start(overrides);
    },
    async stop() {
      under.client.close();
      await under.process.stop();
    },
  };
  return under;
}

/** callUnary options carrying a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}`, deadlineMs: 15_000 });
