import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config } from './config';
import { registerApplicationsService } from './adapters/grpc/applications.grpc-handler';
import { composeApplications } from './compose';

async function main() {
  const logger = createLogger('applications', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'applications',
    logger,
  });
  const app = composeApplications({
    connection,
    logger,
    hostedTenants: config.GOVHALL_TENANTS,
    catalogueAddress: config.CATALOGUE_GRPC_ADDR,
    identityAddress: config.IDENTITY_GRPC_ADDR,
    publicUrl: config.PUBLIC_URL,
  });
  await ensureIndexes(app.models);

  const kafka = createKafka('applications', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: app.outboxCollections,
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
    reflectionFiles: ['govhall/applications/v1/applications_service.proto'],
  });
  registerApplicationsService(server, app.core, () => relay.nudge());
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'applications listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['backend clients', async () => app.close()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('applications'));
