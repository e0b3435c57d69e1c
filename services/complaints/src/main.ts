import { telemetry } from './instrumentation';
import { randomUUID } from 'node:crypto';
import { createTokenVerifier, parseServiceAccounts, ServiceAccounts } from '@govhall/auth';
import { CatalogueCalendars } from '@govhall/catalogue-calendars';
import { CatalogueGuides } from '@govhall/catalogue-guides';
import { clockFromConfig } from '@govhall/clock';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { BackgroundWork, exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, FileChunks, openServiceDatabase, startDaySweeper } from '@govhall/mongo';
import { config } from './config';
import { GrpcCaseApplicants } from './adapters/cases/case-applicants';
import { registerRatingService } from './adapters/grpc/rating.grpc-handler';
import { startCaseStreamConsumer } from './adapters/kafka/case-stream.consumer';
import { GrpcWindowDirectory } from './adapters/identity/window-directory';
import { GrpcStaffDirectory } from './adapters/identity/staff-directory';
import { registerRectificationService } from './adapters/grpc/rectification.grpc-handler';
import { MongoRectifications } from './adapters/mongo/rectification.repository';
import { assignRectificationUseCase } from './usecases/rectifications/assign-rectification/assign-rectification.usecase';
import { concludeRectificationUseCase } from './usecases/rectifications/conclude-rectification/conclude-rectification.usecase';
import { decideAppealUseCase } from './usecases/rectifications/decide-appeal/decide-appeal.usecase';
import { getRectificationUseCase } from './usecases/rectifications/get-rectification/get-rectification.usecase';
import { listRectificationsUseCase } from './usecases/rectifications/list-rectifications/list-rectifications.usecase';
import { openSoon, rectificationOpener } from './usecases/rectifications/open-rectification/open-rectification';
import { recordCallBackUseCase } from './usecases/rectifications/record-call-back/record-call-back.usecase';
import { sweepRectificationsUseCase } from './usecases/rectifications/sweep-rectifications/sweep-rectifications.usecase';
import { MongoInvitations } from './adapters/mongo/invitation.repository';
import { MongoRatings, MongoRatingScans } from './adapters/mongo/rating.repository';
import { MongoServedCases } from './adapters/mongo/served-case.repository';
import { getCaseRatingUseCase } from './usecases/ratings/get-case-rating/get-case-rating.usecase';
import { getSatisfactionUseCase } from './usecases/ratings/get-satisfaction/get-satisfaction.usecase';
import { getRatingScanUseCase } from './usecases/ratings/get-rating-scan/get-rating-scan.usecase';
import { listRatingsUseCase } from './usecases/ratings/list-ratings/list-ratings.usecase';
import { recordRatingUseCase } from './usecases/ratings/record-rating/record-rating.usecase';
import { giveDefaultRatingsUseCase } from './usecases/ratings/give-default-ratings/give-default-ratings.usecase';
import { inviteRatingUseCase } from './usecases/ratings/invite-rating/invite-rating.usecase';
import { rateCaseUseCase } from './usecases/ratings/rate-case/rate-case.usecase';
import { rateInvitationUseCase } from './usecases/ratings/rate-invitation/rate-invitation.usecase';
import { recordCaseTransitionUseCase } from './usecases/ratings/record-case-transition/record-case-transition.usecase';
import { InvitationWatch } from './usecases/ratings/watch-invitations/invitation-watch';
import { watchInvitationsUseCase } from './usecases/ratings/watch-invitations/watch-invitations.usecase';
import { registerComplaintService } from './adapters/grpc/complaint.grpc-handler';
import { registerConsultationService } from './adapters/grpc/consultation.grpc-handler';
import { CataloguePublishedItems } from './adapters/catalogue/published-items';
import { MongoConsultations } from './adapters/mongo/consultation.repository';
import { MongoLiveSessions } from './adapters/mongo/live-session.repository';
import { registerLiveSessions } from './live-sessions.wiring';
import { answerConsultationUseCase } from './usecases/consultations/answer-consultation/answer-consultation.usecase';
import { askConsultationUseCase } from './usecases/consultations/ask-consultation/ask-consultation.usecase';
import { curateConsultationUseCase } from './usecases/consultations/curate-consultation/curate-consultation.usecase';
import {
  getConsultationUseCase,
  listConsultationQueueUseCase,
  listItemFaqsUseCase,
  listMyConsultationsUseCase,
  listPublicConsultationsUseCase,
} from './usecases/consultations/read-consultations/read-consultations.usecase';
import { startComplaintNotifier } from './adapters/kafka/notify-on-complaint.consumer';
import { channelsFromConfig, NotificationDispatcher, NotificationLedger } from '@govhall/notify';
import { LookedUpTargets } from './adapters/complaint-targets';
import { MongoComplaintChannels, MongoComplaints } from './adapters/mongo/complaint.repository';
import {
  acceptComplaintUseCase,
  rejectComplaintUseCase,
  replyComplaintUseCase,
} from './usecases/complaints/act-on-complaint/act-on-complaint.usecase';
import {
  getComplaintChannelUseCase,
  setComplaintChannelUseCase,
} from './usecases/complaints/complaint-channel/complaint-channel.usecase';
import { fileComplaintUseCase } from './usecases/complaints/file-complaint/file-complaint.usecase';
import { MongoComplaintAttachments } from './adapters/mongo/complaint-attachment.repository';
import { getAttachmentUseCase } from './usecases/complaints/get-attachment/get-attachment.usecase';
import { uploadAttachmentUseCase } from './usecases/complaints/upload-attachment/upload-attachment.usecase';
import { getComplaintUseCase } from './usecases/complaints/get-complaint/get-complaint.usecase';
import {
  listComplaintsUseCase,
  listMyComplaintsUseCase,
} from './usecases/complaints/list-complaints/list-complaints.usecase';
import { listPublishedOutcomesUseCase } from './usecases/complaints/published-outcomes/published-outcomes.usecase';
import { listRequestStatusesUseCase } from './usecases/complaints/request-statuses/request-statuses.usecase';
import { rateReplyUseCase } from './usecases/complaints/rate-reply/rate-reply.usecase';
import { sweepComplaintsUseCase } from './usecases/complaints/sweep-complaints/sweep-complaints.usecase';
import { summarizeComplaintsUseCase } from './usecases/complaints/summarize-complaints/summarize-complaints.usecase';

async function main() {
  const logger = createLogger('complaints', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'complaints',
    logger,
  });
  const ratings = new MongoRatings(connection);
  const served = new MongoServedCases(connection);
  const invitations = new MongoInvitations(connection);
  const rectifications = new MongoRectifications(connection);
  const complaints = new MongoComplaints(connection);
  const channels = new MongoComplaintChannels(connection);
  const consultations = new MongoConsultations(connection);
  const liveSessions = new MongoLiveSessions(connection);
  const chunks = new FileChunks(connection);
  const scans = new MongoRatingScans(chunks);
  const complaintAttachments = new MongoComplaintAttachments(connection, chunks);
  await ensureIndexes([
    complaintAttachments.model,
    ratings.model,
    served.model,
    invitations.model,
    rectifications.model,
    chunks.model,
    ...complaints.models,
    channels.model,
    ...consultations.models,
    ...liveSessions.models,
  ]);

  const kafka = createKafka('complaints', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: [
      ratings.model.collection,
      rectifications.model.collection,
      complaints.model.collection,
      consultations.model.collection,
    ],
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
  });
  relay.start();

  const clock = clockFromConfig(config.CLOCK_FILE);
  const ids = { newId: randomUUID };
  const accounts = new ServiceAccounts(parseServiceAccounts(config.SERVICE_ACCOUNTS), {
    keycloakUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
  });
  const applicants = new GrpcCaseApplicants(config.APPLICATIONS_GRPC_ADDR, accounts);
  const windows = new GrpcWindowDirectory(config.IDENTITY_GRPC_ADDR, accounts);
  const staff = new GrpcStaffDirectory(config.IDENTITY_GRPC_ADDR, accounts);
  const calendars = new CatalogueCalendars(config.CATALOGUE_GRPC_ADDR, clock);
  const guides = new CatalogueGuides(config.CATALOGUE_GRPC_ADDR);
  // 差评整改: a bad rating opens its rectification at once; what fails then, the sweep opens.
  const openRectification = rectificationOpener({
    rectifications,
    ratings,
    calendars,
    clock,
    workingDays: config.RECTIFICATION_WORKING_DAYS,
  });
  const rectify = openSoon(openRectification, (err) =>
    logger.warn({ err }, 'rectification: not opened at once, the sweep opens it'),
  );
  // The rating devices watching their windows through this process.
  const invitationWatch = new InvitationWatch({
    invitations,
    clock,
    pollMs: config.INVITATION_POLL_MS,
    onError: (err) => logger.warn({ err }, 'rating invitations: look failed, next look retries'),
  });
  const invitationsChanged = () => invitationWatch.nudge();
  // Not awaited: joining the group may wait for a dead member's session to expire; RPCs are served meanwhile.
  const consumer = startCaseStreamConsumer(
    recordCaseTransitionUseCase({ served, defaultRatingDays: config.DEFAULT_RATING_DAYS }),
    {
      kafka,
      connection,
      logger,
      groupId: config.CASE_STREAM_GROUP_ID,
      delivery: {
        deadLetterTopic: config.KAFKA_DEAD_LETTER_TOPIC,
        retry: { maxAttempts: config.CONSUMER_MAX_ATTEMPTS },
        fetchWaitMs: config.KAFKA_FETCH_WAIT_MS,
      },
    },
  );
  consumer.catch(exitOnStartFailure('complaints'));
  // Completed cases nobody rated get 基本满意 on their default day.
  const giveDefaults = giveDefaultRatingsUseCase({ served, ratings, clock, ids });
  const defaults = new BackgroundWork(
    'default ratings',
    async () => {
      const given = await giveDefaults();
      if (given > 0) relay.nudge();
      return given;
    },
    { intervalMs: config.DEFAULT_RATING_SWEEP_MS, logger },
  );
  defaults.start();
  const sweepRectifications = sweepRectificationsUseCase({ ratings, rectifications, open: openRectification, clock });
  const rectificationSweep = new BackgroundWork(
    'rectifications',
    async () => {
      const changed = await sweepRectifications();
      if (changed > 0) relay.nudge();
      return changed;
    },
    { intervalMs: config.RECTIFICATION_SWEEP_MS, logger },
  );
  rectificationSweep.start();
  // Complaints: routed by kind; accepted and answered against working-day clocks the sweep watches.
  const legalAffairsOf = (tenant: string) => `${tenant}-${config.LEGAL_AFFAIRS_ABBREVIATION}`;
  const complaintDeps = { complaints, calendars, clock, legalAffairsOf, replyWorkingDays: config.REPLY_WORKING_DAYS };
  const sweepComplaints = sweepComplaintsUseCase({ complaints, clock });
  const complaintSweep = new BackgroundWork(
    'complaints',
    async () => {
      const changed = await sweepComplaints();
      if (changed > 0) relay.nudge();
      return changed;
    },
    { intervalMs: config.COMPLAINT_SWEEP_MS, logger },
  );
  complaintSweep.start();
  // The complainant told of a refusal or an answer, each at most once (ADR 0020): the ledger, its dispatcher, and the
  // notifier reading the service's own complaint stream (the contact stays in this database, out of the events).
  const ledger = new NotificationLedger(connection);
  await ledger.ensureIndexes();
  const dispatcher = new NotificationDispatcher({ ledger, logger, ...channelsFromConfig(config) });
  dispatcher.start();
  const notifier = startComplaintNotifier({
    kafka,
    connection,
    logger,
    groupId: config.COMPLAINT_NOTIFIER_GROUP_ID,
    complaints,
    ledger,
    centerName: (tenant) => staff.centerName(tenant),
    queued: () => dispatcher.nudge(),
    delivery: {
      deadLetterTopic: config.KAFKA_DEAD_LETTER_TOPIC,
      retry: { maxAttempts: config.CONSUMER_MAX_ATTEMPTS },
      fetchWaitMs: config.KAFKA_FETCH_WAIT_MS,
    },
  });
  notifier.catch(exitOnStartFailure('complaints'));
  // The ledger's e-mails and SMS expire after its retention (a day sweep: the store has no TTL indexes).
  const ledgerExpiry = startDaySweeper({
    sweep: (now) => ledger.sweep({ now }),
    now: () => clock.now(),
    onSwept: (deleted) => logger.info({ deleted }, 'notifications expired'),
    onError: (err) => logger.warn({ err }, 'notification expiry failed; retrying at the next run'),
  });

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: [
      'govhall/complaints/v1/complaint_service.proto',
      'govhall/complaints/v1/rating_service.proto',
      'govhall/complaints/v1/rectification_service.proto',
      'govhall/complaints/v1/consultation_service.proto',
      'govhall/complaints/v1/live_session_service.proto',
    ],
    // A suggestion-box slip's scan and a complaint's attachment are up to 10 MiB.
    maxReceiveMessageBytes: 12 * 1024 * 1024,
  });
  registerComplaintService(server, {
    fileComplaint: fileComplaintUseCase({
      complaints,
      attachments: complaintAttachments,
      targets: new LookedUpTargets(staff, windows, applicants),
      calendars,
      clock,
      ids,
      legalAffairsOf,
      acceptWorkingDays: config.ACCEPT_WORKING_DAYS,
      hostedTenants: config.GOVHALL_TENANTS,
    }),
    uploadAttachment: uploadAttachmentUseCase({
      attachments: complaintAttachments,
      clock,
      ids,
      hostedTenants: config.GOVHALL_TENANTS,
    }),
    getAttachment: getAttachmentUseCase({ ...complaintDeps, attachments: complaintAttachments }),
    getComplaint: getComplaintUseCase(complaintDeps),
    listComplaints: listComplaintsUseCase(complaintDeps),
    listMyComplaints: listMyComplaintsUseCase(complaintDeps),
    acceptComplaint: acceptComplaintUseCase(complaintDeps),
    rejectComplaint: rejectComplaintUseCase(complaintDeps),
    replyComplaint: replyComplaintUseCase(complaintDeps),
    rateReply: rateReplyUseCase(complaintDeps),
    listPublishedOutcomes: listPublishedOutcomesUseCase(complaintDeps),
    listRequestStatuses: listRequestStatusesUseCase(complaintDeps),
    getComplaintChannel: getComplaintChannelUseCase({ channels }),
    setComplaintChannel: setComplaintChannelUseCase({ channels }),
    summarizeComplaints: summarizeComplaintsUseCase(complaintDeps),
    afterWrite: () => relay.nudge(),
  });
  // A staff member's name as an asker reads it under an answer.
  const staffNames = {
    nameOf: async (tenant: string, username: string) => (await staff.findInTenant(tenant, username))?.name ?? '',
  };
  const consultationDeps = { consultations, staffNames, clock };
  const publishedItems = new CataloguePublishedItems(guides);
  const liveWatch = registerLiveSessions(server, {
    sessions: liveSessions,
    items: publishedItems,
    staffNames,
    calendars,
    clock,
    ids,
    hostedTenants: config.GOVHALL_TENANTS,
    pollMs: config.LIVE_SESSION_POLL_MS,
    logger,
  });
  registerConsultationService(server, {
    askConsultation: askConsultationUseCase({
      ...consultationDeps,
      items: publishedItems,
      ids,
      hostedTenants: config.GOVHALL_TENANTS,
    }),
    getConsultation: getConsultationUseCase(consultationDeps),
    listPublicConsultations: listPublicConsultationsUseCase(consultationDeps),
    listMyConsultations: listMyConsultationsUseCase(consultationDeps),
    listConsultationQueue: listConsultationQueueUseCase(consultationDeps),
    answerConsultation: answerConsultationUseCase(consultationDeps),
    curateConsultation: curateConsultationUseCase(consultationDeps),
    listItemFaqs: listItemFaqsUseCase(consultationDeps),
    afterWrite: () => relay.nudge(),
  });
  registerRatingService(server, {
    rateCase: rateCaseUseCase({ served, ratings, applicants, clock, ids, rectify }),
    getCaseRating: getCaseRatingUseCase({ served, ratings, applicants, rectifications }),
    inviteRating: inviteRatingUseCase({
      invitations,
      served,
      windows,
      clock,
      ids,
      ttlMs: config.INVITATION_TTL_MS,
      changed: invitationsChanged,
    }),
    watchInvitations: watchInvitationsUseCase({ watch: invitationWatch }),
    rateInvitation: rateInvitationUseCase({ invitations, ratings, clock, ids, rectify, changed: invitationsChanged }),
    listRatings: listRatingsUseCase({ ratings }),
    getSatisfaction: getSatisfactionUseCase({ ratings, served }),
    recordRating: recordRatingUseCase({ served, ratings, scans, clock, ids, rectify }),
    getRatingScan: getRatingScanUseCase({ ratings, scans }),
    afterWrite: () => relay.nudge(),
  });
  registerRectificationService(server, {
    listRectifications: listRectificationsUseCase({ rectifications, clock }),
    getRectification: getRectificationUseCase({ rectifications }),
    assignRectification: assignRectificationUseCase({ rectifications, staff, clock }),
    recordCallBack: recordCallBackUseCase({ rectifications, clock }),
    concludeRectification: concludeRectificationUseCase({ rectifications, clock }),
    decideAppeal: decideAppealUseCase({ rectifications, ratings, clock }),
    afterWrite: () => relay.nudge(),
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'complaints listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['rating devices', async () => invitationWatch.stop()],
    ['live sessions', async () => liveWatch.stop()],
    ['default ratings', () => defaults.stop()],
    ['rectifications sweep', () => rectificationSweep.stop()],
    ['complaints sweep', () => complaintSweep.stop()],
    ['complaint notifier', async () => (await notifier).disconnect()],
    ['notification dispatcher', () => dispatcher.stop()],
    ['notification expiry', async () => ledgerExpiry.stop()],
    ['case stream consumer', async () => (await consumer).disconnect()],
    ['cases client', async () => applicants.close()],
    ['identity clients', async () => (windows.close(), staff.close())],
    ['catalogue clients', async () => (calendars.close(), guides.close())],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('complaints'));
