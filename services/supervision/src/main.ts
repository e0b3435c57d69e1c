import { telemetry } from './instrumentation';
import { createTokenVerifier } from '@govhall/auth';
import { clockFromConfig } from '@govhall/clock';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase, startDaySweeper } from '@govhall/mongo';
import { channelsFromConfig, NotificationDispatcher } from '@govhall/notify';
import { config } from './config';
import { registerSupervisionService } from './adapters/grpc/supervision.grpc-handler';
import { startClocksConsumer } from './adapters/kafka/clocks.consumer';
import { startJointReviewLegsConsumer } from './adapters/kafka/joint-review-legs.consumer';
import { startJournalConsumer } from './adapters/kafka/journal.consumer';
import { ClockRefreshTimer } from './adapters/timer/clock-refresh-timer';
import { composeSupervision } from './compose';
import { registerViolationService } from './adapters/grpc/violation.grpc-handler';
import { registerOrderService } from './adapters/grpc/order.grpc-handler';
import { registerHistoricalImportService } from './adapters/grpc/import.grpc-handler';
import { registerStaffMessageService } from './adapters/grpc/staff-message.grpc-handler';
import { startSignalMessagesConsumer } from './adapters/kafka/signal-messages.consumer';
import { registerEvaluationService } from './adapters/grpc/evaluation.grpc-handler';
import { registerScoringService } from './adapters/grpc/scoring.grpc-handler';
import { startViolationDetectionConsumer } from './adapters/kafka/violation-detection.consumer';
import { startDisplayNamesConsumer } from './adapters/kafka/display-names.consumer';

async function main() {
  const logger = createLogger('supervision', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'supervision',
    logger,
  });
  if (config.CLOCK_FILE) logger.warn({ clockFile: config.CLOCK_FILE }, 'TEST CLOCK: the time comes from CLOCK_FILE');
  // The relay needs the composition's collections, and the composition wakes the relay.
  const wake: { relay?: OutboxRelay; dispatcher?: NotificationDispatcher } = {};
  const clock = clockFromConfig(config.CLOCK_FILE);
  const supervision = composeSupervision({
    connection,
    clock,
    afterWrite: () => wake.relay?.nudge(),
    office: { to: config.SIGNAL_EMAIL_TO, minLevel: config.SIGNAL_EMAIL_MIN_LEVEL },
    emailQueued: () => wake.dispatcher?.nudge(),
    photoRetentionDays: config.INSPECTION_PHOTO_RETENTION_DAYS,
  });
  await ensureIndexes(supervision.models);
  // Accountability records whose violations a crash left in their former state (ADR 0038).
  await supervision.violations.useCases.syncPendingAccountabilities();
  // 督办 orders whose clock a crash left behind (ADR 0044).
  await supervision.orders.syncPendingOrderMatters();

  const kafka = createKafka('supervision', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  // One relay for every outbox: signals (govhall.supervision.signal), 督办 orders (govhall.supervision.order),
  // violations and accountability (govhall.supervision.violation).
  const relay = new OutboxRelay({
    collections: supervision.outboxCollections,
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    exclusive: writer.enforced,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  relay.start();
  wake.relay = relay;
  const delivery = {
    deadLetterTopic: config.KAFKA_TOPIC_PREFIX + config.KAFKA_DEAD_LETTER_TOPIC,
    retry: {
      maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
      initialBackoffMs: config.CONSUMER_RETRY_BACKOFF_MS,
      maxBackoffMs: Math.max(config.CONSUMER_RETRY_BACKOFF_MS, config.CONSUMER_RETRY_MAX_BACKOFF_MS),
    },
    inboxRetentionMs: config.INBOX_RETENTION_DAYS * 86_400_000,
    fetchWaitMs: config.KAFKA_FETCH_WAIT_MS,
  };
  const detection = await startViolationDetectionConsumer({
    kafka,
    logger,
    groupId: config.VIOLATIONS_GROUP_ID || `${config.KAFKA_GROUP_ID}-violations`,
    journalGroupId: config.KAFKA_GROUP_ID,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    recordCaseViolations: supervision.violations.useCases.recordCaseViolations,
    recordPaymentViolations: supervision.violations.useCases.recordPaymentViolations,
    recordReconciliationViolations: supervision.violations.useCases.recordReconciliationViolations,
    recordRectificationViolations: supervision.violations.useCases.recordRectificationViolations,
    recordComplaintViolations: supervision.violations.useCases.recordComplaintViolations,
    delivery,
  });
  const consumer = await startJournalConsumer({
    kafka,
    logger,
    groupId: config.KAFKA_GROUP_ID,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    recordEvent: supervision.useCases.recordEvent,
    recordEvents: supervision.useCases.recordEvents,
    delivery,
  });
  const clocksConsumer = await startClocksConsumer({
    kafka,
    logger,
    groupId: config.KAFKA_CLOCKS_GROUP_ID || `${config.KAFKA_GROUP_ID}-clocks`,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    useCases: supervision.useCases,
    delivery,
  });
  // The legs of joint reviews, escalations and delegated cases, each clocked as a matter of its own (ADR 0052).
  const legsConsumer = await startJointReviewLegsConsumer({
    kafka,
    connection,
    logger,
    groupId: config.JOINT_REVIEW_LEGS_GROUP_ID || `${config.KAFKA_GROUP_ID}-legs`,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    useCases: supervision.useCases,
    delivery,
  });
  // Signals told to people: staff site messages and the office's e-mail, sent at most once (ADR 0020, 0045).
  const dispatcher = new NotificationDispatcher({
    ledger: supervision.ledger,
    logger,
    email: channelsFromConfig(config).email,
  });
  dispatcher.start();
  wake.dispatcher = dispatcher;
  const messagesConsumer = await startSignalMessagesConsumer({
    kafka,
    connection,
    logger,
    groupId: config.SIGNAL_MESSAGES_GROUP_ID || `${config.KAFKA_GROUP_ID}-messages`,
    messageSignalRecipients: supervision.messages.messageSignalRecipients,
    delivery,
  });
  const photoExpiry = startDaySweeper({
    sweep: supervision.violations.expireInspectionPhotos,
    now: () => clock.now(),
    onSwept: (deleted) => logger.info({ deleted }, 'inspection photos expired'),
    onError: (err) => logger.warn({ err }, 'inspection photo expiry failed; will retry'),
  });
  const timer = new ClockRefreshTimer(supervision.useCases.refreshClocks, config.CLOCK_REFRESH_INTERVAL_MS, logger);
  timer.start();
  // The KPI projection: marked days recounted (ADR 0040).
  const kpiTimer = new ClockRefreshTimer(
    supervision.evaluation.useCases.refreshKpis,
    config.KPI_REFRESH_INTERVAL_MS,
    logger,
    'kpi days recounted',
  );
  kpiTimer.start();

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: [
      'govhall/supervision/v1/supervision_service.proto',
      'govhall/supervision/v1/violation_service.proto',
      'govhall/supervision/v1/order_service.proto',
      'govhall/supervision/v1/import_service.proto',
      'govhall/supervision/v1/staff_message_service.proto',
      'govhall/supervision/v1/evaluation_service.proto',
      'govhall/supervision/v1/scoring_service.proto',
    ],
  });
  registerSupervisionService(server, supervision.useCases, { verify: (h) => verifier.verifyHeader(h), logger });
  registerViolationService(server, supervision.violations.useCases);
  registerOrderService(server, supervision.orders);
  registerHistoricalImportService(server, supervision.importHistoricalCases);
  registerStaffMessageService(server, supervision.messages);
  registerEvaluationService(server, supervision.evaluation.useCases);
  registerScoringService(server, supervision.scoring.useCases);
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'supervision listening');
  // Department and window names for the reports (a group of its own, from the topic's beginning): joined after the
  // server listens, as nothing waits for it.
  const namesConsumer = await startDisplayNamesConsumer({
    kafka,
    logger,
    groupId: `${config.KAFKA_GROUP_ID}-names`,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    recordDisplayName: supervision.evaluation.useCases.recordDisplayName,
    delivery,
  });

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['clock timer', () => timer.stop()],
    ['kpi timer', () => kpiTimer.stop()],
    // Together: each disconnect waits for its consumer's fetch in flight (up to kafkajs's 5 s wait), one after the
    // other the six took about 20 s, past many an orchestrator's grace period.
    [
      'kafka consumers (journal, clocks, joint review legs, violation detection, signal messages, display names)',
      () =>
        Promise.all(
          [consumer, clocksConsumer, legsConsumer, detection, messagesConsumer, namesConsumer].map((c) =>
            c.disconnect(),
          ),
        ),
    ],
    ['notification dispatcher', () => dispatcher.stop()],
    ['inspection photo expiry', async () => photoExpiry.stop()],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('supervision'));
