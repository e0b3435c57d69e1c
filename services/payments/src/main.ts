import { telemetry } from './instrumentation';
import { randomUUID } from 'node:crypto';
import { createTokenVerifier, parseServiceAccounts, ServiceAccounts } from '@govhall/auth';
import { clockFromConfig } from '@govhall/clock';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { BackgroundWork, exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config } from './config';
import { ChannelKeys, parseBankChannels } from './adapters/bank/channel-keys';
import { HttpRefundChannel, parsePlatformKey, parseRefundUrls } from './adapters/bank/refund-channel';
import { CaseViews } from './adapters/cases/case-views';
import { CatalogueItemFees } from './adapters/catalogue/item-fees';
import { CatalogueGuides } from '@govhall/catalogue-guides';
import { registerBankService } from './adapters/grpc/bank.grpc-handler';
import { registerPaymentsService } from './adapters/grpc/payments.grpc-handler';
import { registerReconciliationService } from './adapters/grpc/reconciliation.grpc-handler';
import { MongoBankLedger, MongoBankNonces } from './adapters/mongo/bank-records';
import { MongoFeeItems } from './adapters/mongo/fee-item.repository';
import { MongoNoticeNumbers } from './adapters/mongo/notice-numbers';
import { MongoNoticeRepository } from './adapters/mongo/notice.repository';
import { MongoReconciliationLookups } from './adapters/mongo/reconciliation-lookups';
import { MongoMismatches, MongoStatements } from './adapters/mongo/reconciliation.repositories';
import { PdfPaymentDocuments } from './adapters/pdf/payment-documents';
import {
  ConfiguredCollection,
  parseCollectingBodies,
  randomPaymentCodes,
} from './adapters/settings/collection-settings';
import { assessFeesUseCase } from './usecases/assessment/assess-fees.usecase';
import { getAssessmentUseCase } from './usecases/assessment/get-assessment.usecase';
import { queryPaymentCodeUseCase } from './usecases/bank/query-payment-code.usecase';
import { receiveCallbackUseCase } from './usecases/bank/receive-callback.usecase';
import { listFeeItemsUseCase, putFeeItemUseCase } from './usecases/fee-register/fee-register.usecases';
import { markNoticePaidUseCase } from './usecases/mark-notice-paid/mark-notice-paid.usecase';
import {
  getCaseNoticeUseCase,
  getNoticeDocumentUseCase,
  getNoticeUseCase,
  listMyNoticesUseCase,
  listNoticesUseCase,
} from './usecases/read-notices/read-notices.usecases';
import { registerSlipUseCase } from './usecases/register-slip/register-slip.usecase';
import { approveRefundUseCase, rejectRefundUseCase } from './usecases/refunds/decide-refund.usecase';
import { instructRefundsUseCase } from './usecases/refunds/instruct-refunds.usecase';
import { listRefundsUseCase } from './usecases/refunds/list-refunds.usecase';
import { requestRefundUseCase } from './usecases/refunds/request-refund.usecase';
import { collectionReportUseCase, exportCollectionReportUseCase } from './usecases/reports/collection-report.usecase';
import { importStatementUseCase } from './usecases/import-statement/import-statement.usecase';
import {
  listMismatchesUseCase,
  listStatementsUseCase,
} from './usecases/read-reconciliation/read-reconciliation.usecases';
import { resolveMismatchUseCase } from './usecases/resolve-mismatch/resolve-mismatch.usecase';

async function main() {
  const logger = createLogger('payments', config.LOG_LEVEL);
  // Configuration errors stop the start before anything is opened (never printing a key or a secret).
  const channels = parseBankChannels(config.BANK_CHANNELS);
  const refundUrls = parseRefundUrls(config.BANK_REFUND_URLS);
  const platformKey = parsePlatformKey(config.PLATFORM_SIGNING_KEY, config.PLATFORM_KID);
  const collection = new ConfiguredCollection(
    parseCollectingBodies(config.COLLECTING_BODIES),
    config.NOTICE_DEADLINE_DAYS,
  );
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'payments',
    logger,
  });
  const notices = new MongoNoticeRepository(connection);
  const feeItems = new MongoFeeItems(connection);
  const numbers = new MongoNoticeNumbers(connection);
  const nonces = new MongoBankNonces(connection);
  const ledger = new MongoBankLedger(connection);
  const statements = new MongoStatements(connection);
  const mismatches = new MongoMismatches(connection);
  await ensureIndexes([notices.model, feeItems.model, ledger.model, statements.model, mismatches.model]);
  await nonces.ensureIndexes();

  const kafka = createKafka('payments', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: [
      notices.model.collection,
      feeItems.model.collection,
      statements.model.collection,
      mismatches.model.collection,
    ],
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
  });
  relay.start();

  const clock = clockFromConfig(config.CLOCK_FILE);
  const accounts = new ServiceAccounts(parseServiceAccounts(config.SERVICE_ACCOUNTS), {
    keycloakUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
  });
  const cases = new CaseViews(config.APPLICATIONS_GRPC_ADDR, accounts);
  const guides = new CatalogueGuides(config.CATALOGUE_GRPC_ADDR);
  const items = new CatalogueItemFees(guides);
  const documents = new PdfPaymentDocuments();
  const afterWrite = () => relay.nudge();
  const bank = { keys: new ChannelKeys(channels), nonces, ledger, clock, notices };
  // Approved refunds go to the bank that took the money until it confirms them (nothing held in memory).
  const refundInstructions = new BackgroundWork(
    'refund instructions',
    instructRefundsUseCase({
      notices,
      channel: new HttpRefundChannel(refundUrls, platformKey, clock),
      clock,
      resendAfterMs: config.REFUND_RESEND_MS,
      onFailure: (refundId, err) => logger.warn({ refundId, err }, 'refund instruction not taken; sent again later'),
    }),
    { intervalMs: config.REFUND_POLL_MS, logger },
  );

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: [
      'govhall/payments/v1/payments_service.proto',
      'govhall/payments/v1/bank_service.proto',
      'govhall/payments/v1/reconciliation_service.proto',
    ],
  });
  registerPaymentsService(server, {
    listFeeItems: listFeeItemsUseCase({ feeItems }),
    putFeeItem: putFeeItemUseCase({ feeItems, clock }),
    getAssessment: getAssessmentUseCase({ cases, items, feeItems, notices }),
    assessFees: assessFeesUseCase({
      cases,
      items,
      feeItems,
      notices,
      numbers,
      codes: randomPaymentCodes,
      settings: collection,
      clock,
      ids: { newId: randomUUID },
    }),
    getNotice: getNoticeUseCase({ notices }),
    getCaseNotice: getCaseNoticeUseCase({ notices }),
    listNotices: listNoticesUseCase({ notices }),
    listMyNotices: listMyNoticesUseCase({ notices }),
    getNoticeDocument: getNoticeDocumentUseCase({ notices, documents }),
    registerSlip: registerSlipUseCase({ notices, clock }),
    markNoticePaid: markNoticePaidUseCase({ notices, clock }),
    requestRefund: requestRefundUseCase({ notices, clock, ids: { newId: randomUUID } }),
    approveRefund: approveRefundUseCase({ notices, clock, afterApproval: () => refundInstructions.nudge() }),
    rejectRefund: rejectRefundUseCase({ notices, clock }),
    listRefunds: listRefundsUseCase({ notices }),
    collectionReport: collectionReportUseCase({ notices }),
    exportCollectionReport: exportCollectionReportUseCase({ notices }),
    afterWrite,
  });
  registerBankService(server, {
    queryPaymentCode: queryPaymentCodeUseCase(bank),
    receiveCallback: receiveCallbackUseCase(bank),
    afterWrite,
  });
  registerReconciliationService(server, {
    importStatement: importStatementUseCase({
      statements,
      mismatches,
      notices,
      lookups: new MongoReconciliationLookups(notices.model),
      feeItems,
      clock,
    }),
    listStatements: listStatementsUseCase({ statements }),
    listMismatches: listMismatchesUseCase({ mismatches }),
    resolveMismatch: resolveMismatchUseCase({ mismatches, clock }),
    afterWrite,
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  refundInstructions.start();
  logger.info(
    { port, bankChannels: [...channels.keys()], refundChannels: [...refundUrls.keys()], platformKid: platformKey?.kid },
    'payments listening',
  );

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['refund instructions', () => refundInstructions.stop()],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['cases client', async () => cases.close()],
    ['catalogue client', async () => guides.close()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('payments'));
