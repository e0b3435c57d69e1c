import { freePort, runProcess, stack, startProcess, uniqueSuffix, type RunningProcess } from '@govhall/testing';

/**
 * The catalogue on a fresh database holding the published seed catalogue, identity (fresh database, seeded
 * tenant tree: it creates the real Keycloak users a test needs, e.g. a reviewer) and a gateway in front of both,
 * each its own process.
 */
export interface CatalogueStack {
  gatewayUrl: string;
  catalogueAddr: string;
  catalogueDb: string;
  identityDb: string;
  /** What the seed runner printed (e.g. "catalogue seed: 33 published items across 17 departments"). */
  seedOutput: string;
  processes: Record<'catalogue' | 'identity' | 'gateway', RunningProcess>;
  stop(): Promise<void>;
}

export async function startCatalogueStack(): Promise<CatalogueStack> {
  const suffix = uniqueSuffix();
  const catalogueDb = `govhall_catalogue_e${suffix}`;
  const identityDb = `govhall_identity_e${suffix}`;
  const [cataloguePort, identityPort, gatewayPort, m1, m2, m3] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const common = {
    MONGODB_URI: stack.mongoUri,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KEYCLOAK_URL: stack.keycloakUrl,
    KEYCLOAK_REALM: stack.realm,
    LOG_LEVEL: 'info',
    METRICS_HOST: '127.0.0.1',
  };
  const catalogueEnv = { ...common, MONGODB_DB: catalogueDb, OUTBOX_POLL_MS: '200' };
  const identityEnv = {
    ...common,
    MONGODB_DB: identityDb,
    KEYCLOAK_ADMIN_CLIENT_SECRET: 'govhall-identity-secret',
    OUTBOX_POLL_MS: '200',
  };

  // The search index loads the published items when the catalogue starts: seed first.
  const [seed] = await Promise.all([
    runProcess({ name: 'catalogue-seed-e2e', entry: 'services/catalogue/dist/seed/run-seed.js', env: catalogueEnv }),
    runProcess({
      name: 'identity-seed-catalogue-e2e',
      entry: 'services/identity/dist/seed/run-seed.js',
      args: ['--only', 'tenancy'],
      env: identityEnv,
    }),
  ]);
  const started: RunningProcess[] = [];
  try {
    const catalogue = await startProcess({
      name: 'catalogue-e2e',
      entry: 'services/catalogue/dist/main.js',
      env: { ...catalogueEnv, GRPC_HOST: '127.0.0.1', GRPC_PORT: String(cataloguePort), METRICS_PORT: String(m1) },
      readyPort: cataloguePort,
    });
    started.push(catalogue);
    const identity = await startProcess({
      name: 'identity-catalogue-e2e',
      entry: 'services/identity/dist/main.js',
      env: { ...identityEnv, GRPC_HOST: '127.0.0.1', GRPC_PORT: String(identityPort), METRICS_PORT: String(m2) },
      readyPort: identityPort,
    });
    started.push(identity);
    const gateway = await startProcess({
      name: 'gateway-catalogue-e2e',
      entry: 'gateway/dist/server.js',
      env: {
        ...common,
        HOST: '127.0.0.1',
        PORT: String(gatewayPort),
        METRICS_PORT: String(m3),
        CATALOGUE_GRPC_ADDR: `127.0.0.1:${cataloguePort}`,
        IDENTITY_GRPC_ADDR: `127.0.0.1:${identityPort}`,
        RATE_LIMIT_MAX: '100000',
      },
      readyPort: gatewayPort,
    });
    started.push(gateway);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      catalogueAddr: `127.0.0.1:${cataloguePort}`,
      catalogueDb,
      identityDb,
      seedOutput: seed.output,
      processes: { catalogue, identity, gateway },
      async stop() {
        await gateway.stop();
        await Promise.all([catalogue.stop(), identity.stop()]);
      },
    };
  } catch (e) {
    await Promise.all(started.map((p) => p.stop()));
    throw e;
  }
}
