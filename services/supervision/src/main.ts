import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { connectMongo, ensureIndexes } from '@govhall/mongo';
import { config } from './config';
import { registerSupervisionService } from './adapters/grpc/supervision.grpc-handler';
import { startJournalConsumer } from './adapters/kafka/journal.consumer';
import { MongoEventJournal } from './adapters/mongo/event-journal.repository';
import { listRecordedEventsUseCase } from './usecases/list-recorded-events/list-recorded-events.usecase';
import { recordEventUseCase } from './usecases/record-event/record-event.usecase';

async function main() {
  const logger = createLogger('supervision', config.LOG_LEVEL);
  const connection = await connectMongo(config.MONGODB_URI, config.MONGODB_DB);
  const journal = new MongoEventJournal(connection);
  await ensureIndexes([journal.model]);

  const kafka = createKafka('supervision', config.KAFKA_BROKERS, logger);
  const consumer = await startJournalConsumer({
    kafka,
    connection,
    logger,
    groupId: config.KAFKA_GROUP_ID,
    recordEvent: recordEventUseCase({ journal, clock: { now: () => new Date() } }),
  });

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: ['govhall/supervision/v1/supervision_service.proto'],
  });
  registerSupervisionService(server, { listRecordedEvents: listRecordedEventsUseCase({ journal }) });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'supervision listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.shutdown(config.SHUTDOWN_GRACE_MS);
    await consumer.disconnect();
    await connection.close();
    await telemetry.shutdown();
    process.exit(0);
  };
  const onSignal = (signal: string) =>
    stop(signal).catch((err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`supervision: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
