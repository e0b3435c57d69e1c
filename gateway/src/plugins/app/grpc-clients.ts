import fp from 'fastify-plugin';
import { createGrpcClient } from '@govhall/grpc';
import {
  applicationsV1,
  catalogueV1,
  complaintsV1,
  identityV1,
  jointReviewV1,
  paymentsV1,
  supervisionV1,
} from '@govhall/proto';

declare module 'fastify' {
  interface FastifyInstance {
    grpc: {
      catalogue: catalogueV1.CatalogueServiceClient;
      identity: identityV1.IdentityServiceClient;
      applications: applicationsV1.ApplicationsServiceClient;
      supervision: supervisionV1.SupervisionServiceClient;
      violations: supervisionV1.ViolationServiceClient;
      orders: supervisionV1.OrderServiceClient;
      imports: supervisionV1.HistoricalImportServiceClient;
      evaluation: supervisionV1.EvaluationServiceClient;
      scoring: supervisionV1.ScoringServiceClient;
      messages: supervisionV1.StaffMessageServiceClient;
      jointReview: jointReviewV1.JointReviewServiceClient;
      meetings: jointReviewV1.MeetingServiceClient;
      projects: jointReviewV1.ProjectServiceClient;
      delegation: jointReviewV1.DelegationServiceClient;
      escalations: jointReviewV1.EscalationServiceClient;
      payments: paymentsV1.PaymentsServiceClient;
      bank: paymentsV1.BankServiceClient;
      reconciliation: paymentsV1.ReconciliationServiceClient;
      ratings: complaintsV1.RatingServiceClient;
      rectifications: complaintsV1.RectificationServiceClient;
      complaints: complaintsV1.ComplaintServiceClient;
      consultations: complaintsV1.ConsultationServiceClient;
      liveConsultations: complaintsV1.LiveConsultationServiceClient;
    };
  }
}

/** Reads of identity, safe to retry on UNAVAILABLE (CreateStaff is idempotent per username, see the proto). */
const IDENTITY_RETRYABLE = [
  'GetTenant',
  'ListTenants',
  'ListDepartments',
  'ListWindows',
  'GetWindowResponsible',
  'GetStaff',
  'ListStaff',
  'GetMyProfile',
  'GetLegalPerson',
  'ListApplicants',
  'CheckActingAuthority',
  'ListServiceAccounts',
  'CreateStaff',
];

/** Reads of the catalogue, and the writes that carry an idempotency key (CreateDraftItem, NewEdition). */
const CATALOGUE_RETRYABLE = [
  'GetItem',
  'ListItems',
  'DiffEditions',
  'SearchItems',
  'GetPublishedItem',
  'GetGuide',
  'GetGuidePdf',
  'GetItemFile',
  'GetCalendar',
  'AddWorkingDays',
  'CountWorkingDays',
  'CreateDraftItem',
  'NewEdition',
];

/** Reads of the cases service, and the writes that carry an idempotency key (OpenCase, SubmitCase, RegisterWalkIn). */
const APPLICATIONS_RETRYABLE = [
  'GetCase',
  'ListMyCases',
  'ListQueue',
  'GetCaseFile',
  'GetCaseDocument',
  'QueryProgress',
  'ExportLedger',
  'VerifyLicence',
  'ListMyLicences',
  'GetCaseSettings',
  'OpenCase',
  'SubmitCase',
  'RegisterWalkIn',
];

/** Reads of the supervision service (WatchLive is a stream: never retried, the browser reconnects). */
const SUPERVISION_RETRYABLE = [
  'ListRecordedEvents',
  'GetMatterClock',
  'ListClocks',
  'ListSignals',
  'GetSignalThresholds',
  'DryRunSignalThresholds',
  'GetHallToday',
];

/** Reads of violations, and the writes that carry an idempotency key (RecordInspection, ProposeAccountability). */
const VIOLATIONS_RETRYABLE = [
  'ListViolations',
  'GetViolation',
  'ListInspections',
  'GetInspectionPhoto',
  'ListAccountabilities',
  'RecordInspection',
  'ProposeAccountability',
];

/** 督办 order reads, and the issue that carries an idempotency key; the import is idempotent on case numbers. */
const ORDERS_RETRYABLE = ['GetOrder', 'ListOrders', 'IssueOrder'];

/** Evaluation: every RPC is a read (the bulletin is rendered, not stored). */
const EVALUATION_RETRYABLE = ['ListKpis', 'GetPublicStatistics', 'RenderMonthlyBulletin', 'RenderDailyCheck'];

/** Reads of the scoring standard, scores, grades and the assessment PDF. */
const SCORING_RETRYABLE = [
  'GetScoringStandard',
  'ListScoringStandardVersions',
  'ScoreSubjects',
  'GetAnnualGrades',
  'RenderQuarterlyAssessment',
];

/** Reads of joint review (the writes carry an expected version, and a retried write could answer ABORTED). */
const JOINT_REVIEW_RETRYABLE = ['GetJointReview', 'ListJointReviews', 'ListTasks', 'ListMyTasks'];

/**
 * The catalogue answers files of up to 4 MiB and guide PDFs with embedded Chinese fonts, more than grpc-js's
 * default 4 MiB receive limit once framed; the services accept 8 MiB (@govhall/grpc's server).
 */
class CatalogueClient extends catalogueV1.CatalogueServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof catalogueV1.CatalogueServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  }
}

/** Material files (up to CASE_UPLOAD_MAX_FILE_BYTES) and case PDFs with embedded fonts: 8 MiB, as the catalogue's. */
class ApplicationsClient extends applicationsV1.ApplicationsServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof applicationsV1.ApplicationsServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  }
}

/** Inspection photos of up to 5 MiB: 8 MiB, as the others. */
class ViolationClient extends supervisionV1.ViolationServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof supervisionV1.ViolationServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  }
}

/** Monthly bulletin PDFs with embedded fonts: 8 MiB, as the others. */
class EvaluationClient extends supervisionV1.EvaluationServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof supervisionV1.EvaluationServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  }
}

/** The quarterly assessment PDF with embedded fonts: 8 MiB, as the others. */
class ScoringClient extends supervisionV1.ScoringServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof supervisionV1.ScoringServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  }
}

/** Attachments and shared files of joint reviews of up to 20 MiB (the service accepts 24 MiB). */
class JointReviewClient extends jointReviewV1.JointReviewServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof jointReviewV1.JointReviewServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 24 * 1024 * 1024 });
  }
}

/** Notice and receipt PDFs with embedded fonts: 8 MiB, as the others. */
class PaymentsClient extends paymentsV1.PaymentsServiceClient {
  constructor(...[address, creds, options]: ConstructorParameters<typeof paymentsV1.PaymentsServiceClient>) {
    super(address, creds, { ...options, 'grpc.max_receive_message_length': 8 * 1024 * 1024 });
  }
}

/** One long-lived channel per backend service; closed when the app closes. */
export default fp<{
  catalogueAddress: string;
  identityAddress: string;
  applicationsAddress: string;
  supervisionAddress: string;
  jointReviewAddress: string;
  paymentsAddress: string;
  complaintsAddress: string;
}>(
  async (app, opts) => {
    const catalogue: catalogueV1.CatalogueServiceClient = createGrpcClient(CatalogueClient, opts.catalogueAddress, {
      serviceName: 'govhall.catalogue.v1.CatalogueService',
      idempotentMethods: CATALOGUE_RETRYABLE,
    });
    const identity = createGrpcClient(identityV1.IdentityServiceClient, opts.identityAddress, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: IDENTITY_RETRYABLE,
    });
    const applications: applicationsV1.ApplicationsServiceClient = createGrpcClient(
      ApplicationsClient,
      opts.applicationsAddress,
      { serviceName: 'govhall.applications.v1.ApplicationsService', idempotentMethods: APPLICATIONS_RETRYABLE },
    );
    const supervision = createGrpcClient(supervisionV1.SupervisionServiceClient, opts.supervisionAddress, {
      serviceName: 'govhall.supervision.v1.SupervisionService',
      idempotentMethods: SUPERVISION_RETRYABLE,
    });
    const violations: supervisionV1.ViolationServiceClient = createGrpcClient(
      ViolationClient,
      opts.supervisionAddress,
      {
        serviceName: 'govhall.supervision.v1.ViolationService',
        idempotentMethods: VIOLATIONS_RETRYABLE,
      },
    );
    const orders = createGrpcClient(supervisionV1.OrderServiceClient, opts.supervisionAddress, {
      serviceName: 'govhall.supervision.v1.OrderService',
      idempotentMethods: ORDERS_RETRYABLE,
    });
    const imports = createGrpcClient(supervisionV1.HistoricalImportServiceClient, opts.supervisionAddress, {
      serviceName: 'govhall.supervision.v1.HistoricalImportService',
      idempotentMethods: ['ImportHistoricalCases'],
    });
    const evaluation: supervisionV1.EvaluationServiceClient = createGrpcClient(
      EvaluationClient,
      opts.supervisionAddress,
      { serviceName: 'govhall.supervision.v1.EvaluationService', idempotentMethods: EVALUATION_RETRYABLE },
    );
    const scoring: supervisionV1.ScoringServiceClient = createGrpcClient(ScoringClient, opts.supervisionAddress, {
      serviceName: 'govhall.supervision.v1.ScoringService',
      idempotentMethods: SCORING_RETRYABLE,
    });
    const messages = createGrpcClient(supervisionV1.StaffMessageServiceClient, opts.supervisionAddress, {
      serviceName: 'govhall.supervision.v1.StaffMessageService',
      // Marking read twice leaves the first time: both are safe to retry.
      idempotentMethods: ['ListMyMessages', 'MarkMessageRead'],
    });
    const jointReview: jointReviewV1.JointReviewServiceClient = createGrpcClient(
      JointReviewClient,
      opts.jointReviewAddress,
      { serviceName: 'govhall.joint_review.v1.JointReviewService', idempotentMethods: JOINT_REVIEW_RETRYABLE },
    );
    const meetings = createGrpcClient(jointReviewV1.MeetingServiceClient, opts.jointReviewAddress, {
      serviceName: 'govhall.joint_review.v1.MeetingService',
      // ConveneMeeting carries a request id: a repeat answers the first meeting.
      idempotentMethods: ['GetMeeting', 'ListMeetings', 'ConveneMeeting'],
    });
    const projects = createGrpcClient(jointReviewV1.ProjectServiceClient, opts.jointReviewAddress, {
      serviceName: 'govhall.joint_review.v1.ProjectService',
      // CreateProject carries a request id: a repeat answers the first project.
      idempotentMethods: [
        'GetProject',
        'ListProjects',
        'GetProjectProgress',
        'ListMyProjects',
        'QueryProjectProgress',
        'CreateProject',
      ],
    });
    const delegation = createGrpcClient(jointReviewV1.DelegationServiceClient, opts.jointReviewAddress, {
      serviceName: 'govhall.joint_review.v1.DelegationService',
      // CreateAgreement carries a request id: a repeat answers the first agreement.
      idempotentMethods: [
        'GetAgreement',
        'ListAgreements',
        'GetDelegatedCase',
        'ListDelegatedCases',
        'GetDelegationStatistics',
        'CreateAgreement',
      ],
    });
    const escalations = createGrpcClient(jointReviewV1.EscalationServiceClient, opts.jointReviewAddress, {
      serviceName: 'govhall.joint_review.v1.EscalationService',
      // Every write carries the version read: a repeat after a lost answer is refused, never applied twice.
      idempotentMethods: ['GetEscalation', 'ListFollowUps', 'ListReceivedEscalations'],
    });
    const payments: paymentsV1.PaymentsServiceClient = createGrpcClient(PaymentsClient, opts.paymentsAddress, {
      serviceName: 'govhall.payments.v1.PaymentsService',
      // AssessFees carries a request id: a repeat answers the notice as it is.
      idempotentMethods: [
        'ListFeeItems',
        'GetAssessment',
        'GetNotice',
        'GetCaseNotice',
        'ListNotices',
        'ListMyNotices',
        'GetNoticeDocument',
        'AssessFees',
      ],
    });
    const bank = createGrpcClient(paymentsV1.BankServiceClient, opts.paymentsAddress, {
      serviceName: 'govhall.payments.v1.BankService',
      // A bank message is signed once, with a nonce used once: the bank signs its retries again.
      idempotentMethods: [],
    });
    const reconciliation = createGrpcClient(paymentsV1.ReconciliationServiceClient, opts.paymentsAddress, {
      serviceName: 'govhall.payments.v1.ReconciliationService',
      // An import is identified by the file's SHA-256: a repeat answers the stored statement.
      idempotentMethods: ['ImportStatement', 'ListStatements', 'ListMismatches'],
    });
    const ratings = createGrpcClient(complaintsV1.RatingServiceClient, opts.complaintsAddress, {
      serviceName: 'govhall.complaints.v1.RatingService',
      // A second RateCase is refused (ALREADY_RATED), never applied twice.
      idempotentMethods: ['GetCaseRating', 'ListRatings', 'GetSatisfaction'],
    });
    const rectifications = createGrpcClient(complaintsV1.RectificationServiceClient, opts.complaintsAddress, {
      serviceName: 'govhall.complaints.v1.RectificationService',
      // Every write names the version it read: a repeat after a lost answer is CONCURRENT_MODIFICATION, never twice.
      idempotentMethods: ['ListRectifications', 'GetRectification'],
    });
    const complaints = createGrpcClient(complaintsV1.ComplaintServiceClient, opts.complaintsAddress, {
      serviceName: 'govhall.complaints.v1.ComplaintService',
      // A filing names its request id (a repeat answers the same complaint); every other write its version.
      idempotentMethods: [
        'FileComplaint',
        'GetComplaint',
        'ListComplaints',
        'ListMyComplaints',
        'ListPublishedOutcomes',
        'ListRequestStatuses',
        'GetComplaintChannel',
      ],
    });
    const consultations = createGrpcClient(complaintsV1.ConsultationServiceClient, opts.complaintsAddress, {
      serviceName: 'govhall.complaints.v1.ConsultationService',
      // A question names its request id (a repeat answers the same); every other write its version.
      idempotentMethods: [
        'AskConsultation',
        'GetConsultation',
        'ListPublicConsultations',
        'ListMyConsultations',
        'ListConsultationQueue',
        'ListItemFaqs',
      ],
    });
    const liveConsultations = createGrpcClient(complaintsV1.LiveConsultationServiceClient, opts.complaintsAddress, {
      serviceName: 'govhall.complaints.v1.LiveConsultationService',
      // An opening names its request id; taking up and ending again change nothing. A message is never retried.
      idempotentMethods: [
        'OpenLiveSession',
        'GetLiveSession',
        'ListMyLiveSessions',
        'ListLiveQueue',
        'AcceptLiveSession',
        'CloseLiveSession',
      ],
    });
    app.decorate('grpc', {
      catalogue,
      identity,
      applications,
      supervision,
      violations,
      orders,
      imports,
      evaluation,
      scoring,
      messages,
      jointReview,
      meetings,
      projects,
      delegation,
      escalations,
      payments,
      bank,
      reconciliation,
      ratings,
      rectifications,
      complaints,
      consultations,
      liveConsultations,
    });
    app.addHook('onClose', async () => {
      catalogue.close();
      identity.close();
      applications.close();
      supervision.close();
      violations.close();
      orders.close();
      imports.close();
      evaluation.close();
      scoring.close();
      messages.close();
      jointReview.close();
      meetings.close();
      projects.close();
      delegation.close();
      escalations.close();
      payments.close();
      bank.close();
      ratings.close();
      rectifications.close();
      complaints.close();
      consultations.close();
      liveConsultations.close();
      reconciliation.close();
    });
  },
  { name: 'grpc-clients' },
);
