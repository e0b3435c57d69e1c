/* The catalogue as its own process for tests of the catalogue and of the services that call it. */
import { createGrpcClient } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import { freePort, runProcess, startProcess, type RunningProcess } from './processes';
import { stack, uniqueSuffix } from './stack';

export interface CatalogueUnderTest {
  db: string;
  port: number;
  process: RunningProcess;
  client: catalogueV1.CatalogueServiceClient;
  /** Closes the client and stops the process (the database stays; drop it where the test owns it). */
  stop(): Promise<void>;
}

/**
 * The catalogue on a fresh database (or `db`), on free ports, against the local stack. `env` adds or overrides
 * settings, e.g. `IDENTITY_GRPC_ADDR` of an identity from startIdentity (the guide's names, ADR 0017).
 */
export async function startCatalogue(
  options: { name?: string; db?: string; env?: Record<string, string> } = {},
): Promise<CatalogueUnderTest> {
  const db = options.db ?? `govhall_catalogue_t${uniqueSuffix()}`;
  const port = await freePort();
  const process = await startProcess({
    name: options.name ?? 'catalogue',
    entry: 'services/catalogue/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: db,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KEYCLOAK_URL: stack.keycloakUrl,
      KEYCLOAK_REALM: stack.realm,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
      ...options.env,
    },
    readyPort: port,
  });
  const client = createGrpcClient(catalogueV1.CatalogueServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.catalogue.v1.CatalogueService',
    idempotentMethods: ['GetItem'],
  });
  return {
    db,
    port,
    process,
    client,
    async stop() {
      client.close();
      await process.stop();
    },
  };
}

/**
 * The seed catalogue published through the catalogue at `catalogueAddr` (its seed script run as its own process):
 * `args` name each tenant's drafting administrator and approving reviewer (`--admin t=login --reviewer t=login`).
 */
export function seedCatalogue(options: { name: string; catalogueAddr: string; args: string[]; timeoutMs?: number }) {
  return runProcess({
    name: options.name,
    entry: 'services/catalogue/dist/seed/run-seed.js',
    args: options.args,
    env: { CATALOGUE_GRPC_ADDR: options.catalogueAddr, KEYCLOAK_URL: stack.keycloakUrl, KEYCLOAK_REALM: stack.realm },
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}
