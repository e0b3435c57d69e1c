import { telemetry } from './instrumentation';
import { randomUUID } from 'node:crypto';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { connectMongo, ensureIndexes } from '@govhall/mongo';
import { config } from './config';
import { registerCatalogueService } from './adapters/grpc/catalogue.grpc-handler';
import { MongoItemRepository } from './adapters/mongo/item.repository';
import { createDraftItemUseCase } from './usecases/create-draft-item/create-draft-item.usecase';
import { getItemUseCase } from './usecases/get-item/get-item.usecase';

async function main() {
  const logger = createLogger('catalogue', config.LOG_LEVEL);
  const connection = await connectMongo(config.MONGODB_URI, config.MONGODB_DB);
  const items = new MongoItemRepository(connection);
  await ensureIndexes([items.model]);

  const kafka = createKafka('catalogue', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: [items.model.collection],
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
  });
  relay.start();

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: ['govhall/catalogue/v1/catalogue_service.proto'],
  });
  registerCatalogueService(server, {
    createDraftItem: createDraftItemUseCase({
      items,
      clock: { now: () => new Date() },
      ids: { newId: randomUUID },
      hostedTenants: config.GOVHALL_TENANTS,
    }),
    getItem: getItemUseCase({ items }),
    afterWrite: () => relay.nudge(),
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'catalogue listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('catalogue'));
