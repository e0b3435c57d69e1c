import { freePort, runProcess, stack, startProcess, uniqueSuffix, type RunningProcess } from '@govhall/testing';

/** identity (on a fresh database, then the seeded tenant tree through its API) and the gateway, each its own process. */
export interface IdentityStack {
  gatewayUrl: string;
  identityAddr: string;
  identityDb: string;
  processes: Record<'identity' | 'gateway', RunningProcess>;
  stop(): Promise<void>;
}

/** Identity's seed of the tenant tree and departments (no logins), through its API on `identityPort`. */
export async function seedTenancy(name: string, identityPort: number): Promise<void> {
  await runProcess({
    name,
    entry: 'services/identity/dist/seed/run-seed.js',
    args: ['--only', 'tenancy'],
    env: {
      IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
    },
  });
}

export async function startIdentityStack(): Promise<IdentityStack> {
  const suffix = uniqueSuffix();
  const identityDb = `govhall_identity_e${suffix}`;
  const [identityPort, gatewayPort, m1, m2] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const common = {
    MONGODB_URI: stack.mongoUri,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    LOG_LEVEL: 'info',
    METRICS_HOST: '127.0.0.1',
  };
  const identityEnv = {
    ...common,
    MONGODB_DB: identityDb,
    KEYCLOAK_ADMIN_CLIENT_SECRET: 'govhall-identity-secret',
    OUTBOX_POLL_MS: '200',
    // No catalogue here (port 1 never answers): the identity routes' grants name departments, not items.
    CATALOGUE_GRPC_ADDR: '127.0.0.1:1',
  };
  const identity = await startProcess({
    name: 'identity-e2e',
    entry: 'services/identity/dist/main.js',
    env: { ...identityEnv, GRPC_HOST: '127.0.0.1', GRPC_PORT: String(identityPort), METRICS_PORT: String(m1) },
    readyPort: identityPort,
  });
  // The seed goes through identity's API (never its database): tenant tree and departments, no logins.
  try {
    await seedTenancy('identity-seed-e2e', identityPort);
  } catch (e) {
    await identity.stop();
    throw e;
  }
  const gateway = await startProcess({
    name: 'gateway-identity-e2e',
    entry: 'gateway/dist/server.js',
    env: {
      ...common,
      KEYCLOAK_API_CLIENT_SECRET: stack.apiClientSecret,
      HOST: '127.0.0.1',
      PORT: String(gatewayPort),
      METRICS_PORT: String(m2),
      IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
      // Not started here: the identity routes do not use it.
      CATALOGUE_GRPC_ADDR: `127.0.0.1:${await freePort()}`,
      RATE_LIMIT_MAX: '100000',
      // The tests register many people from one address.
      REGISTRATION_RATE_LIMIT_MAX: '100000',
    },
    readyPort: gatewayPort,
  });
  return {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    identityAddr: `127.0.0.1:${identityPort}`,
    identityDb,
    processes: { identity, gateway },
    async stop() {
      await gateway.stop();
      await identity.stop();
    },
  };
}
