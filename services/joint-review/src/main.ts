import { telemetry } from './instrumentation';
import { randomUUID } from 'node:crypto';
import { createTokenVerifier } from '@govhall/auth';
import { CatalogueCalendars } from '@govhall/catalogue-calendars';
import { GrpcServer } from '@govhall/grpc';
import { createKafka, createProducer, OutboxRelay } from '@govhall/kafka';
import { exitOnStartFailure, stopOnSignals } from '@govhall/lifecycle';
import { createLogger } from '@govhall/logging';
import { ensureIndexes, openServiceDatabase } from '@govhall/mongo';
import { config } from './config';
import { CasesClient } from './adapters/cases/cases-client';
import { parseServiceAccounts, ServiceAccounts } from '@govhall/auth';
import { CatalogueItems } from './adapters/catalogue/catalogue-items';
import { CatalogueGuides } from '@govhall/catalogue-guides';
import { registerDepartmentSystemService } from './adapters/grpc/department-system.grpc-handler';
import { registerJointReviewService } from './adapters/grpc/joint-review.grpc-handler';
import { registerProjectService } from './adapters/grpc/project.grpc-handler';
import { registerMeetings } from './meetings.wiring';
import { IdentityDuty } from './adapters/identity/identity-duty';
import { startCaseStreamConsumer } from './adapters/kafka/case-stream.consumer';
import { taskChangeRecorder } from './adapters/kafka/task-change-recorder';
import { MongoJointFlows } from './adapters/mongo/joint-flow.repository';
import { MongoExternalCaseEvents } from './adapters/mongo/external-case-events.repository';
import { MongoJointReviewRepository } from './adapters/mongo/joint-review.repository';
import { MongoMeetingRepository } from './adapters/mongo/meeting.repository';
import { MongoReviewSettings } from './adapters/mongo/review-settings.repository';
import { MongoSystemRequests } from './adapters/mongo/system-requests.repository';
import { MongoTaskChanges } from './adapters/mongo/task-changes.repository';
import { departmentSystemUseCases } from './department-systems';
import { addParticipantUseCase } from './usecases/add-participant/add-participant.usecase';
import { assignTaskUseCase } from './usecases/assign-task/assign-task.usecase';
import { cancelJointReviewUseCase } from './usecases/cancel-joint-review/cancel-joint-review.usecase';
import { claimTaskUseCase } from './usecases/claim-task/claim-task.usecase';
import { concludeJointReviewUseCase } from './usecases/conclude-joint-review/conclude-joint-review.usecase';
import { getJointReviewUseCase } from './usecases/get-joint-review/get-joint-review.usecase';
import { JointCaseReader } from './adapters/cases/joint-cases';
import { openJointReviewByLeadUseCase } from './usecases/open-joint-review-by-lead/open-joint-review-by-lead.usecase';
import { listJointReviewsUseCase } from './usecases/list-joint-reviews/list-joint-reviews.usecase';
import { listMyTasksUseCase, listTasksUseCase } from './usecases/list-tasks/list-tasks.usecase';
import { openJointReviewUseCase } from './usecases/open-joint-review/open-joint-review.usecase';
import { reopenTaskUseCase } from './usecases/reopen-task/reopen-task.usecase';
import { reportConclusionsUseCase } from './usecases/report-conclusions/report-conclusions.usecase';
import type { ReviewDeps } from './usecases/reviews/review.deps';
import { submitOpinionUseCase } from './usecases/submit-opinion/submit-opinion.usecase';
import { wireProjects } from './projects.wiring';
import { wireEscalations } from './escalations.wiring';
import { MongoAttachments } from './adapters/mongo/attachment.repository';
import { MongoFileChunks } from './adapters/mongo/file-chunks.repository';
import { uploadAttachmentUseCase } from './usecases/upload-attachment/upload-attachment.usecase';
import { parseParentCenters } from './adapters/escalation/remote-parent-center';
import { openDelegationStore, wireDelegation } from './delegation.wiring';
import { wireSettings } from './settings.wiring';
import { wireSharedView } from './shared-view.wiring';

async function main() {
  const logger = createLogger('joint-review', config.LOG_LEVEL);
  const { connection, writer } = await openServiceDatabase(config.MONGODB_URI, config.MONGODB_DB, {
    service: 'joint-review',
    logger,
  });
  const reviews = new MongoJointReviewRepository(connection);
  const flows = new MongoJointFlows(connection);
  const settings = new MongoReviewSettings(connection);
  const meetings = new MongoMeetingRepository(connection);
  await ensureIndexes([reviews.model, flows.model, settings.model, meetings.model]);
  // Department systems' task change streams (WatchTasks), recorded by the relay before it sends the task events.
  const taskChanges = new MongoTaskChanges(connection);
  await ensureIndexes([taskChanges.model]);
  // Events of cases run in department systems (J16), published through the relay like the reviews' events.
  const externalEvents = new MongoExternalCaseEvents(connection);
  await ensureIndexes([externalEvents.model]);
  // Delegated acceptance (代受理): agreements, and delegated cases published through the relay.
  const delegationStore = await openDelegationStore(connection);

  const kafka = createKafka('joint-review', config.KAFKA_BROKERS, logger);
  const producer = await createProducer(kafka);
  const relay = new OutboxRelay({
    collections: [
      reviews.model.collection,
      meetings.model.collection,
      externalEvents.model.collection,
      // Escalation records (escalations.wiring.ts, collection `escalations`).
      connection.collection('escalations'),
      delegationStore.delegatedCases.model.collection,
    ],
    producer,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
    // The sole writer of its database (enforced on FerretDB): no leases needed; on MongoDB replicas lease.
    exclusive: writer.enforced,
    beforeSend: taskChangeRecorder(taskChanges),
  });
  relay.start();

  const clock = { now: () => new Date() };
  const accounts = new ServiceAccounts(parseServiceAccounts(config.SERVICE_ACCOUNTS), {
    keycloakUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
  });
  const calendars = new CatalogueCalendars(config.CATALOGUE_GRPC_ADDR, clock);
  const guides = new CatalogueGuides(config.CATALOGUE_GRPC_ADDR);
  const items = new CatalogueItems(guides);
  const duty = new IdentityDuty(config.IDENTITY_GRPC_ADDR, accounts);
  const cases = new CasesClient(config.APPLICATIONS_GRPC_ADDR, accounts);
  // Uploaded attachments (UploadAttachment) and their bytes, named by opinions, conclusions, escalation returns and decisions.
  const chunks = new MongoFileChunks(connection);
  const attachments = new MongoAttachments(connection, chunks);
  await ensureIndexes([attachments.model, chunks.model]);
  const deps: ReviewDeps = {
    reviews,
    duty,
    calendars,
    items,
    flows,
    settings,
    cases,
    clock,
    ids: { newId: randomUUID },
    attachments,
  };
  const afterWrite = () => relay.nudge();
  const projects = wireProjects({
    connection,
    accounts,
    clock,
    ids: deps.ids,
    identityAddress: config.IDENTITY_GRPC_ADDR,
    applicationsAddress: config.APPLICATIONS_GRPC_ADDR,
  });
  await ensureIndexes([projects.model]);
  const uploadAttachment = uploadAttachmentUseCase({
    attachments,
    clock,
    ids: deps.ids,
    hosted: new Set(config.GOVHALL_TENANTS),
  });
  const escalations = wireEscalations({
    attachments,
    chunks,
    connection,
    logger,
    accounts,
    review: deps,
    identityAddress: config.IDENTITY_GRPC_ADDR,
    applicationsAddress: config.APPLICATIONS_GRPC_ADDR,
    hosted: new Set(config.GOVHALL_TENANTS),
    remoteParents: parseParentCenters(config.PARENT_CENTERS),
    pollMs: config.ESCALATION_POLL_MS,
    afterWrite,
  });
  await ensureIndexes(escalations.models);
  const shared = wireSharedView({
    reviews,
    meetings,
    attachments,
    accounts,
    applicationsAddress: config.APPLICATIONS_GRPC_ADDR,
  });
  const delegation = wireDelegation(delegationStore, {
    ...deps,
    accounts,
    identityAddress: config.IDENTITY_GRPC_ADDR,
    cases: shared.deps.cases,
    decisions: cases,
  });
  // The decision tasks of the other flows, listed and taken beside the reviews' co-review tasks.
  const decisions = [escalations.decisionTasks, delegation.decisionTasks];

  const settingsRpcs = wireSettings({
    settings,
    flows,
    items,
    duty,
    clock,
    hosted: new Set(config.GOVHALL_TENANTS),
    accounts,
    identityAddress: config.IDENTITY_GRPC_ADDR,
  });

  const report = reportConclusionsUseCase({
    reviews,
    cases,
    clock,
    onError: (review, error) =>
      logger.warn({ reviewId: review.id, err: error }, 'the cases service did not take the conclusion yet; retrying'),
  });
  const retry = setInterval(() => {
    report
      .pending()
      .then((n) => n > 0 && afterWrite())
      .catch((err: unknown) => logger.error({ err }, 'reporting conclusions failed'));
  }, config.REPORT_RETRY_MS);

  // Not awaited: joining the group may wait for a dead member's session to expire; RPCs are served meanwhile.
  const consumer = startCaseStreamConsumer(
    {
      open: openJointReviewUseCase(deps),
      cancel: cancelJointReviewUseCase(deps),
      mirrorProject: projects.mirrorProject,
      openEscalation: escalations.open,
      endEscalation: escalations.end,
      delegation: delegation.stream,
      afterWrite: () => {
        afterWrite();
        escalations.nudge();
      },
    },
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
  consumer.catch(exitOnStartFailure('joint-review'));

  const verifier = createTokenVerifier({ keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM });
  const server = new GrpcServer({
    logger,
    verifier,
    reflectionFiles: [
      'govhall/joint_review/v1/joint_review_service.proto',
      'govhall/joint_review/v1/project_service.proto',
      'govhall/joint_review/v1/meeting_service.proto',
      'govhall/joint_review/v1/department_system_service.proto',
      'govhall/joint_review/v1/escalation_service.proto',
      'govhall/joint_review/v1/delegation_service.proto',
    ],
    // PutEscalationFile carries a whole file of up to 20 MiB.
    maxReceiveMessageBytes: 24 * 1024 * 1024,
  });
  escalations.register(server);
  registerJointReviewService(server, {
    getJointReview: getJointReviewUseCase(deps),
    listTasks: listTasksUseCase({ ...deps, decisions }),
    listMyTasks: listMyTasksUseCase({ ...deps, decisions }),
    listJointReviews: listJointReviewsUseCase({ reviews, projects: projects.repository }),
    openJointReview: openJointReviewByLeadUseCase({
      reviews,
      duty,
      cases: new JointCaseReader(shared.cases),
      open: openJointReviewUseCase(deps),
    }),
    claimTask: claimTaskUseCase(deps),
    submitOpinion: submitOpinionUseCase(deps),
    concludeJointReview: concludeJointReviewUseCase({ ...deps, report }),
    assignTask: assignTaskUseCase(deps),
    reopenTask: reopenTaskUseCase(deps),
    addParticipant: addParticipantUseCase(deps),
    getSharedView: shared.getSharedView,
    getSharedFile: shared.getSharedFile,
    uploadAttachment,
    ...settingsRpcs.useCases,
    afterWrite,
  });
  registerProjectService(server, projects.useCases);
  registerMeetings(server, { ...deps, meetings, afterWrite });
  delegation.register(server, afterWrite);
  registerDepartmentSystemService(server, {
    ...departmentSystemUseCases(deps, {
      requests: new MongoSystemRequests(connection),
      changes: taskChanges,
      externalEvents,
      watch: { pollMs: config.WATCH_POLL_MS, heartbeatMs: config.WATCH_HEARTBEAT_MS },
      decisions,
      cases: shared.deps.cases,
    }),
    getTaskFile: shared.getTaskFile(decisions),
    uploadAttachment,
    // A decision on an escalation flows down with the next pass of the escalation work.
    afterWrite: () => {
      afterWrite();
      escalations.nudge();
    },
  });
  const port = await server.listen(config.GRPC_HOST, config.GRPC_PORT);
  logger.info({ port }, 'joint-review listening');

  stopOnSignals(logger, [
    ['grpc server', () => server.shutdown(config.SHUTDOWN_GRACE_MS)],
    ['conclusion reporter', async () => clearInterval(retry)],
    ['escalations', () => escalations.stop()],
    ['case stream', async () => (await consumer).disconnect()],
    ['outbox relay', () => relay.stop()],
    ['kafka producer', () => producer.disconnect()],
    [
      'clients',
      async () =>
        [calendars, guides, duty, cases, projects, delegation, settingsRpcs, shared].forEach((c) => c.close()),
    ],
    ['database claim', () => writer.release()],
    ['mongodb', () => connection.close()],
    ['telemetry', () => telemetry.shutdown()],
  ]);
}

main().catch(exitOnStartFailure('joint-review'));
