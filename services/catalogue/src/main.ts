import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config } from './config';
import { registerCatalogueService } from './adapters/grpc/catalogue.grpc-handler';
import { composeCatalogue } from './compose';

async function main() {
  const logger = createLogger('catalogue', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'catalogue',
    logger,
  });
  const catalogue = composeCatalogue({
    connection,
    logger,
    hostedTenants: config.GOVHALL_TENANTS,
    searchRefreshMs: config.SEARCH_REFRESH_MS,
    identity: { address: config.IDENTITY_GRPC_ADDR, cacheMs: config.DIRECTORY_CACHE_MS },
  });
  await ensureIndexes(catalogue.models);

  const kafka = createKafka('catalogue', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: catalogue.outboxCollections,
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
  });
  relay.start();
  // The public search index: loaded from the published items before the server takes requests.
  await catalogue.search.refresher.start();
  logger.info({ indexed: catalogue.search.index.size }, 'search index loaded');

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: ['govhall/catalogue/v1/catalogue_service.proto'],
  });
  registerCatalogueService(server, catalogue, () => relay.nudge());
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'catalogue listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['search index', () => catalogue.search.refresher.stop()],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['identity client', async () => catalogue.identity.close()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('catalogue'));
