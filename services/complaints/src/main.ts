import { telemetry } from './instrumentation';
import { randomUUID } from 'node:crypto';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config } from './config';
import { registerComplaintsService } from './adapters/grpc/complaints.grpc-handler';
import { MongoComplaintRepository } from './adapters/mongo/complaint.repository';
import { createComplaintUseCase } from './usecases/create-complaint/create-complaint.usecase';

async function main() {
  const logger = createLogger('complaints', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'complaints',
    logger,
  });
  const complaints = new MongoComplaintRepository(connection);
  await ensureIndexes([complaints.model]);

  const kafka = createKafka('complaints', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: [complaints.model.collection],
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
    reflectionFiles: ['govhall/complaints/v1/complaints_service.proto'],
  });
  registerComplaintsService(server, {
    createComplaint: createComplaintUseCase({
      complaints,
      clock: { now: () => new Date() },
      ids: { newId: randomUUID },
      hostedTenants: config.GOVHALL_TENANTS,
    }),
    afterWrite: () => relay.nudge(),
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'complaints listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('complaints'));
