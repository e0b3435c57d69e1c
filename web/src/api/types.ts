/**
 * Names for the shapes the apps use, taken from the client generated from the gateway's OpenAPI document
 * (schema.d.ts, `pnpm run generate`; ADR 0027). Nothing here is written by hand: a change of a route's schema
 * changes these types, and the typecheck of the web build finds every use it breaks.
 */
import type { paths } from './schema';

type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type SearchPage = Ok<'/api/v1/catalogue/search', 'get'>;
export type SearchQuery = Query<'/api/v1/catalogue/search', 'get'>;
export type ItemSummary = SearchPage['items'][number];
export type Guide = Ok<'/api/v1/catalogue/published/{id}/guide', 'get'>;
export type PublishedItem = Guide['item'];
export type ItemContent = NonNullable<PublishedItem['content']>;
export type Material = ItemContent['materials'][number];
export type HandlingCategory = ItemSummary['handlingCategory'];
export type OnlineDepth = ItemSummary['onlineDepth'];

export type Case = Ok<'/api/v1/cases/{id}', 'get'>;
export type CaseStatus = Case['status'];
export type CaseSummaryPage = Ok<'/api/v1/cases/mine', 'get'>;
export type CaseSummary = CaseSummaryPage['cases'][number];
export type MyCaseList = Query<'/api/v1/cases/mine', 'get'>['list'];
export type QueueQuery = Query<'/api/v1/cases/queue', 'get'>;
export type QueueKind = NonNullable<QueueQuery['kind']>;
export type StaffRole = NonNullable<QueueQuery['role']>;
export type Progress = Ok<'/api/v1/cases/progress', 'post'>;

export type Tenant = Ok<'/api/v1/identity/tenants/{code}', 'get'>;
export type Department = Ok<'/api/v1/identity/tenants/{code}/departments', 'get'>['departments'][number];
export type Window = Ok<'/api/v1/identity/tenants/{code}/windows', 'get'>['windows'][number];
export type Profile = Ok<'/api/v1/identity/me', 'get'>;

export type JointReview = Ok<'/api/v1/joint-review/reviews/{id}', 'get'>['review'];
export type JointTask = JointReview['tasks'][number];
export type JointTaskState = JointTask['state'];
export type JointReviewState = JointReview['state'];
export type OpinionKind = NonNullable<JointTask['opinion']>['kind'];
export type JointAttachment = NonNullable<JointTask['opinion']>['attachments'][number];
/** J14: what the caller sees of a joint case (the applicant, its form part(s), the materials, every result). */
export type JointDossier = Ok<'/api/v1/joint-review/reviews/{id}/shared-view', 'get'>['dossier'];

export type Escalation = Ok<'/api/v1/joint-review/escalations/{id}', 'get'>['escalation'];
export type EscalationState = Escalation['state'];
export type EscalationUpdate = Escalation['updates'][number];

export type PublicProjectProgress = Ok<'/api/v1/joint-review/projects/progress', 'post'>['progress'];
export type ProjectState = PublicProjectProgress['state'];
export type Project = Ok<'/api/v1/joint-review/projects/{id}', 'get'>['project'];
export type ProjectProgress = Ok<'/api/v1/joint-review/projects/{id}/progress', 'get'>['progress'];
export type ProjectKind = Project['kind'];
export type ProjectAuthorisation = Project['authorisation'];
/** A project's content as the center or its 代办员 replace it (PUT, without the version). */
export type ProjectContent = Omit<Body<'/api/v1/joint-review/projects/{id}', 'put'>, 'expectedVersion'>;
export type MyProject = Ok<'/api/v1/joint-review/projects/mine', 'get'>['projects'][number];

export type Agreement = Ok<'/api/v1/joint-review/delegation/agreements/{id}', 'get'>['agreement'];
export type AgreementState = Agreement['state'];
export type DelegatedCase = Ok<'/api/v1/joint-review/delegation/cases/{id}', 'get'>['delegatedCase'];
export type DelegatedCaseState = DelegatedCase['state'];
export type DelegatedLeg = DelegatedCase['legs'][number];
export type DelegationStatisticsRow = Ok<'/api/v1/joint-review/delegation/statistics', 'get'>['rows'][number];

export type Meeting = Ok<'/api/v1/joint-review/meetings/{id}', 'get'>['meeting'];
export type MeetingState = Meeting['state'];
export type MeetingKind = Meeting['kind'];
export type MeetingResolution = Meeting['outcomes'][number]['resolution'];
export type MeetingPosition = Meeting['positions'][number];

export type Notice = Ok<'/api/v1/payments/notices/{id}', 'get'>['notice'];
export type NoticeState = Notice['state'];
export type NoticeLine = Notice['lines'][number];
export type Assessment = Ok<'/api/v1/payments/assessments/{caseId}', 'get'>;
export type AssessmentLine = Assessment['lines'][number];
export type AssessBody = Body<'/api/v1/payments/assessments/{caseId}', 'post'>;
export type CasePayment = NonNullable<Case['payment']>;
export type Refund = Notice['refunds'][number];
export type RefundState = Refund['state'];
export type RefundEntry = Ok<'/api/v1/payments/refunds', 'get'>['refunds'][number];
export type CollectionReport = Ok<'/api/v1/payments/reports/collections', 'get'>;
export type CollectionQuery = Query<'/api/v1/payments/reports/collections', 'get'>;
export type Statement = Ok<'/api/v1/payments/reconciliation/statements', 'get'>['statements'][number];
export type Mismatch = Ok<'/api/v1/payments/reconciliation/mismatches', 'get'>['mismatches'][number];
export type MismatchKind = NonNullable<Query<'/api/v1/payments/reconciliation/mismatches', 'get'>['kind']>;

export type Complaint = Ok<'/api/v1/complaints/{id}', 'get'>['complaint'];
export type ComplaintStatus = Complaint['status'];
export type ComplaintKind = Complaint['kind'];
export type ComplaintFinding = NonNullable<Complaint['reply']>['finding'];
export type ComplaintAttachment = Complaint['attachments'][number];
export type FileComplaintBody = Body<'/api/v1/complaints', 'post'>;
export type ComplaintTargetKind = FileComplaintBody['target']['kind'];
export type PublishedOutcome = Ok<'/api/v1/complaints/outcomes', 'get'>['outcomes'][number];
export type ComplaintChannelInfo = Ok<'/api/v1/complaints/channels/{tenant}', 'get'>['channel'];

export type Consultation = Ok<'/api/v1/consultations/{id}', 'get'>['consultation'];
export type AskConsultationBody = Body<'/api/v1/consultations', 'post'>;
export type ItemFaq = Ok<'/api/v1/consultations/faqs', 'get'>['faqs'][number];

export type LiveSession = Ok<'/api/v1/live-consultations/{id}', 'get'>['session'];
export type LiveMessage = LiveSession['messages'][number];
export type OpenLiveSessionBody = Body<'/api/v1/live-consultations', 'post'>;
