import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config, keycloakAdmin } from './config';
import { registerIdentityService } from './adapters/grpc/identity.grpc-handler';
import { composeIdentity } from './compose';
import { startReconciler } from './reconciler';

async function main() {
  const logger = createLogger('identity', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'identity',
    logger,
  });
  const identity = composeIdentity({
    connection,
    logger,
    keycloak: keycloakAdmin,
    hostedTenants: config.GOVHALL_TENANTS,
    catalogueAddress: config.CATALOGUE_GRPC_ADDR,
  });
  const models = Object.values(identity.repositories).map((r) => r.model);
  await ensureIndexes(models);

  const kafka = createKafka('identity', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: models.map((m) => m.collection),
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
  });
  relay.start();

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: ['govhall/identity/v1/identity_service.proto'],
  });
  registerIdentityService(server, identity, () => relay.nudge());
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'identity listening');

  const reconciler = startReconciler(identity.reconcilers, {
    intervalMs: config.RECONCILE_INTERVAL_MS,
    olderThanMs: config.RECONCILE_AFTER_MS,
    logger,
    afterWrite: () => relay.nudge(),
  });

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['reconciler', () => reconciler.stop()],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['catalogue client', async () => identity.itemCatalogue.close()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('identity'));
