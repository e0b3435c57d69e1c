import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, failpoint, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase, startDaySweeper } from '@govhall/mongo';
import { config } from './config';
import { registerApplicationsService } from './adapters/grpc/applications.grpc-handler';
import { declarationHandlers } from './adapters/grpc/declaration.handlers';
import { notificationHandlers } from './adapters/grpc/notifications.handlers';
import { settingsHandlers } from './adapters/grpc/settings.handlers';
import { composeApplications } from './compose';
import { startNotifier } from './adapters/kafka/notify-on-case.consumer';
import { startPaymentNoticeConsumer } from './adapters/kafka/payment-notices.consumer';
import { awaitPaymentUseCase } from './usecases/await-payment/await-payment.usecase';
import { settlePaymentUseCase } from './usecases/settle-payment/settle-payment.usecase';
import { channelsFromConfig, NotificationDispatcher, NotificationLedger } from '@govhall/notify';
import { clockFromConfig } from '@govhall/clock';
import { windowPortsOf } from './adapters/grpc/window.handlers';
import { DeemedAcceptanceTimer } from './adapters/timers/deemed-acceptance.timer';
import { deemAcceptanceUseCase } from './usecases/deem-acceptance/deem-acceptance.usecase';

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
    serviceClient: {
      keycloakUrl: config.KEYCLOAK_URL,
      realm: config.KEYCLOAK_REALM,
      clientId: config.SERVICE_CLIENT_ID,
      clientSecret: config.SERVICE_CLIENT_SECRET,
    },
    clock: clockFromConfig(config.CLOCK_FILE),
  });
  if (config.CLOCK_FILE) logger.warn({ clockFile: config.CLOCK_FILE }, 'TEST CLOCK: the time comes from CLOCK_FILE');
  await ensureIndexes(app.models);

  const kafka = createKafka('applications', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: app.outboxCollections,
    // Crash tests (GOVHALL_FAILPOINTS=cases.after-relay-send): die once Kafka acknowledged a batch, before the relay
    // removed it from the outboxes: the restarted relay sends it again (at-least-once; consumers dedupe by event id).
    producer: {
      ...producer,
      sendBatch: async (batch) => {
        const sent = await producer.sendBatch(batch);
        failpoint('cases.after-relay-send');
        return sent;
      },
    },
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
  });
  relay.start();

  const ledger = new NotificationLedger(connection);
  await ledger.ensureIndexes();
  const dispatcher = new NotificationDispatcher({ ledger, logger, ...channelsFromConfig(config) });
  dispatcher.start();
  // Not awaited: joining the consumer group waits, after a crash, until the dead member's session expires (15 s);
  // cases are served meanwhile (the notifier catches up from its committed offsets). A failed start still stops
  // the process.
  const notifier = startNotifier({
    kafka,
    connection,
    logger,
    groupId: config.NOTIFIER_GROUP_ID,
    core: app.core,
    ledger,
    inbox: app.inbox,
    progressUrl: app.links.progress,
    queued: () => dispatcher.nudge(),
    delivery: {
      deadLetterTopic: config.KAFKA_DEAD_LETTER_TOPIC,
      retry: { maxAttempts: config.CONSUMER_MAX_ATTEMPTS },
      fetchWaitMs: config.KAFKA_FETCH_WAIT_MS,
    },
  });
  notifier.catch(exitOnStartFailure('applications'));
  // 收缴分离: the payments service's notices hold and release approved cases (not awaited, as the notifier).
  const payments = startPaymentNoticeConsumer(
    {
      awaitPayment: awaitPaymentUseCase(app.core),
      settlePayment: settlePaymentUseCase(app.core),
      afterWrite: () => relay.nudge(),
    },
    {
      kafka,
      connection,
      logger,
      groupId: config.PAYMENTS_GROUP_ID,
      delivery: {
        deadLetterTopic: config.KAFKA_DEAD_LETTER_TOPIC,
        retry: { maxAttempts: config.CONSUMER_MAX_ATTEMPTS },
        fetchWaitMs: config.KAFKA_FETCH_WAIT_MS,
      },
    },
  );
  payments.catch(exitOnStartFailure('applications'));

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: ['govhall/applications/v1/applications_service.proto'],
  });
  registerApplicationsService(server, app.core, () => relay.nudge(), [
    declarationHandlers(app.declaration),
    settingsHandlers(app.declaration),
    notificationHandlers({ inbox: app.inbox }),
  ]);
  const DEEMED_BATCH = 100;
  const deemAcceptance = deemAcceptanceUseCase({ ...app.core, ...windowPortsOf(app.core) }, (obj, msg) =>
    logger.warn(obj, msg),
  );
  const deemed = new DeemedAcceptanceTimer((scope) => deemAcceptance(DEEMED_BATCH, scope), {
    intervalMs: config.DEEMED_ACCEPTANCE_SWEEP_MS,
    batch: DEEMED_BATCH,
    logger,
    afterWrite: () => relay.nudge(),
  });
  const expiry = startDaySweeper({
    // The in-site notifications after NOTIFICATION_RETENTION_DAYS; the dispatcher's ledger after its own retention.
    sweep: async (now) =>
      (await app.inbox.expire(now, config.NOTIFICATION_RETENTION_DAYS * 86_400_000)) + (await ledger.sweep({ now })),
    now: () => app.core.clock.now(),
    onSwept: (deleted) => logger.info({ deleted }, 'notifications expired'),
    onError: (err) => logger.warn({ err }, 'notification expiry failed; will retry'),
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'applications listening');
  deemed.start();

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['deemed-acceptance timer', () => deemed.stop()],
    ['outbox relay', () => relay.stop()],
    ['notifier', async () => (await notifier).disconnect()],
    ['payment notices consumer', async () => (await payments).disconnect()],
    ['notification dispatcher', () => dispatcher.stop()],
    ['notification expiry', async () => expiry.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['backend clients', async () => app.close()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('applications'));
