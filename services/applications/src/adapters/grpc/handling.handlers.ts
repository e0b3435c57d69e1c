import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import { archiveCaseUseCase } from '../../usecases/archive-case/archive-case.usecase';
import { completeStepUseCase } from '../../usecases/complete-step/complete-step.usecase';
import { concludeJointReviewUseCase } from '../../usecases/conclude-joint-review/conclude-joint-review.usecase';
import { decideCaseUseCase } from '../../usecases/decide-case/decide-case.usecase';
import { decideOnTheSpotUseCase } from '../../usecases/decide-on-the-spot/decide-on-the-spot.usecase';
import { deliverResultUseCase } from '../../usecases/deliver-result/deliver-result.usecase';
import { handlingDeps } from '../../usecases/handling.deps';
import { recordDepartmentDecisionUseCase } from '../../usecases/record-department-decision/record-department-decision.usecase';
import { issueResultUseCase } from '../../usecases/issue-result/issue-result.usecase';
import { requestExtensionUseCase } from '../../usecases/request-extension/request-extension.usecase';
import { resumeCaseUseCase } from '../../usecases/resume-case/resume-case.usecase';
import { reviewExtensionUseCase } from '../../usecases/review-extension/review-extension.usecase';
import { suspendCaseUseCase } from '../../usecases/suspend-case/suspend-case.usecase';
import { deliveryMethod, outcome } from './case-enums';
import { caseView } from './case.mapper';
import type { HandlerGroup } from './handler-group';
import { toProtoLicence } from './licence.mapper';

type Rpc =
  | 'completeStep'
  | 'suspendCase'
  | 'resumeCase'
  | 'requestExtension'
  | 'reviewExtension'
  | 'decideCase'
  | 'issueResult'
  | 'deliverResult'
  | 'archiveCase'
  | 'concludeJointReview'
  | 'recordDepartmentDecision'
  | 'decideOnTheSpot';

/** Handling after acceptance, decisions, results and delivery (issue 10, items 2 (immediate), 4 and 5). */
export const handlingHandlers: HandlerGroup<Rpc> = (server: GrpcServer, core: CaseCore, afterWrite: () => void) => {
  const deps = handlingDeps(core);
  const completeStep = completeStepUseCase(deps);
  const suspend = suspendCaseUseCase(deps);
  const resume = resumeCaseUseCase(deps);
  const requestExtension = requestExtensionUseCase(deps);
  const reviewExtension = reviewExtensionUseCase(deps);
  const decide = decideCaseUseCase(deps);
  const issue = issueResultUseCase(deps);
  const deliver = deliverResultUseCase(deps);
  const archive = archiveCaseUseCase(deps);
  const conclude = concludeJointReviewUseCase(deps);
  const onTheSpot = decideOnTheSpotUseCase(deps);
  const departmentDecision = recordDepartmentDecisionUseCase(deps);
  const written = <T>(value: T): T => {
    afterWrite();
    return value;
  };
  const id = (req: { id: string; expectedVersion: number }) => ({
    id: req.id,
    expectedVersion: Number(req.expectedVersion),
  });

  return {
    completeStep: server.unary<applicationsV1.CompleteStepRequest, applicationsV1.CompleteStepResponse>(
      'CompleteStep',
      async (req, ctx) =>
        written({
          case: caseView(await completeStep({ ...id(req), opinion: req.opinion }, ctx.principal), ctx.principal),
        }),
    ),
    suspendCase: server.unary<applicationsV1.SuspendCaseRequest, applicationsV1.SuspendCaseResponse>(
      'SuspendCase',
      async (req, ctx) =>
        written({
          case: caseView(
            await suspend(
              { ...id(req), procedure: req.procedure, reason: req.reason, plannedWorkingDays: req.plannedWorkingDays },
              ctx.principal,
            ),
            ctx.principal,
          ),
        }),
    ),
    resumeCase: server.unary<applicationsV1.ResumeCaseRequest, applicationsV1.ResumeCaseResponse>(
      'ResumeCase',
      async (req, ctx) => written({ case: caseView(await resume(id(req), ctx.principal), ctx.principal) }),
    ),
    requestExtension: server.unary<applicationsV1.RequestExtensionRequest, applicationsV1.RequestExtensionResponse>(
      'RequestExtension',
      async (req, ctx) =>
        written({
          case: caseView(
            await requestExtension({ ...id(req), workingDays: req.workingDays, reason: req.reason }, ctx.principal),
            ctx.principal,
          ),
        }),
    ),
    reviewExtension: server.unary<applicationsV1.ReviewExtensionRequest, applicationsV1.ReviewExtensionResponse>(
      'ReviewExtension',
      async (req, ctx) =>
        written({
          case: caseView(
            await reviewExtension({ ...id(req), approve: req.approve, comment: req.comment }, ctx.principal),
            ctx.principal,
          ),
        }),
    ),
    decideCase: server.unary<applicationsV1.DecideCaseRequest, applicationsV1.DecideCaseResponse>(
      'DecideCase',
      async (req, ctx) =>
        written({
          case: caseView(
            await decide(
              { ...id(req), outcome: outcome.fromProto(req.outcome), reasons: req.reasons, remedies: req.remedies },
              ctx.principal,
            ),
            ctx.principal,
          ),
        }),
    ),
    issueResult: server.unary<applicationsV1.IssueResultRequest, applicationsV1.IssueResultResponse>(
      'IssueResult',
      async (req, ctx) => {
        const result = await issue(
          {
            ...id(req),
            validUntil: req.validUntil.trim(),
            deliveryMethod: deliveryMethod.fromProto(req.deliveryMethod),
            address: req.address,
          },
          ctx.principal,
        );
        return written({ case: caseView(result.case, ctx.principal), licence: toProtoLicence(result.licence) });
      },
    ),
    deliverResult: server.unary<applicationsV1.DeliverResultRequest, applicationsV1.DeliverResultResponse>(
      'DeliverResult',
      async (req, ctx) =>
        written({
          case: caseView(
            await deliver(
              {
                ...id(req),
                method: deliveryMethod.fromProto(req.method),
                pickupCode: req.pickupCode,
                trackingNumber: req.trackingNumber,
              },
              ctx.principal,
            ),
            ctx.principal,
          ),
        }),
    ),
    archiveCase: server.unary<applicationsV1.ArchiveCaseRequest, applicationsV1.ArchiveCaseResponse>(
      'ArchiveCase',
      async (req, ctx) => written({ case: caseView(await archive(id(req), ctx.principal), ctx.principal) }),
    ),
    concludeJointReview: server.unary<
      applicationsV1.ConcludeJointReviewRequest,
      applicationsV1.ConcludeJointReviewResponse
    >('ConcludeJointReview', async (req, ctx) =>
      written({
        case: caseView(
          await conclude(
            { id: req.id, reviewId: req.reviewId, outcome: outcome.fromProto(req.outcome), reasons: req.reasons },
            ctx.principal,
          ),
          ctx.principal,
        ),
      }),
    ),
    recordDepartmentDecision: server.unary<
      applicationsV1.RecordDepartmentDecisionRequest,
      applicationsV1.RecordDepartmentDecisionResponse
    >('RecordDepartmentDecision', async (req, ctx) =>
      written({
        case: caseView(
          await departmentDecision(
            {
              id: req.id,
              taskId: req.taskId,
              outcome: outcome.fromProto(req.outcome),
              reasons: req.reasons,
              remedies: req.remedies,
              decidedBy: req.decidedBy,
              handlerName: req.handlerName,
            },
            ctx.principal,
          ),
          ctx.principal,
        ),
      }),
    ),
    decideOnTheSpot: server.unary<applicationsV1.DecideOnTheSpotRequest, applicationsV1.DecideOnTheSpotResponse>(
      'DecideOnTheSpot',
      async (req, ctx) => {
        const result = await onTheSpot(
          {
            ...id(req),
            outcome: outcome.fromProto(req.outcome),
            reasons: req.reasons,
            deliveryMethod: deliveryMethod.fromProto(req.deliveryMethod),
          },
          ctx.principal,
        );
        return written({ case: caseView(result.case, ctx.principal) });
      },
    ),
  };
};
