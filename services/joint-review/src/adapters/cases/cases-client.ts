import { PreconditionError, UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { DepartmentDecision, DepartmentDecisions } from '../../usecases/delegation/delegation.ports';
import type { CasesPort } from '../../usecases/ports';
import type { ServiceAccounts } from '@govhall/auth';

/**
 * The cases service (ApplicationsService.ConcludeJointReview, and RecordDepartmentDecision for delegated cases), called with the service's account of the case's
 * tenant. A case no longer waiting for the review (WRONG_STATE: the conclusion was applied before this process
 * could record it, or the case ended) counts as reported: there is nothing left to tell it.
 */
export class CasesClient implements CasesPort, DepartmentDecisions {
  private readonly client: applicationsV1.ApplicationsServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 5_000,
  ) {
    this.client = createGrpcClient(applicationsV1.ApplicationsServiceClient, address, {
      serviceName: 'govhall.applications.v1.ApplicationsService',
      idempotentMethods: [],
    });
  }

  async concludeJointReview(review: JointReview): Promise<void> {
    const conclusion = review.conclusion;
    if (!conclusion) return;
    const token = await this.accounts.tokenFor(review.tenant);
    if (!token) {
      throw new UnavailableError(
        'CASES_UNAVAILABLE',
        `本服务没有地区 ${review.tenant} 的服务账号，无法向办件服务报送结论`,
      );
    }
    try {
      await callUnary(
        this.client.concludeJointReview.bind(this.client),
        {
          id: review.caseId,
          reviewId: review.id,
          outcome:
            conclusion.outcome === 'approved'
              ? applicationsV1.Outcome.OUTCOME_APPROVED
              : applicationsV1.Outcome.OUTCOME_DENIED,
          reasons: conclusion.reasons,
        },
        { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
      );
    } catch (e) {
      if (isServiceError(e) && e.code === status.FAILED_PRECONDITION && decodeGrpcError(e).reason === 'WRONG_STATE') {
        return;
      }
      throw e;
    }
  }

  /** ApplicationsService.RecordDepartmentDecision; a case no longer PROCESSING is CASE_NOT_PROCESSING. */
  async record(tenant: string, caseId: string, decision: DepartmentDecision): Promise<void> {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('CASES_UNAVAILABLE', `本服务没有地区 ${tenant} 的服务账号，无法向办件服务报送决定`);
    }
    try {
      await callUnary(
        this.client.recordDepartmentDecision.bind(this.client),
        {
          id: caseId,
          taskId: decision.taskId,
          outcome:
            decision.outcome === 'approved'
              ? applicationsV1.Outcome.OUTCOME_APPROVED
              : applicationsV1.Outcome.OUTCOME_DENIED,
          reasons: decision.reasons,
          remedies: decision.remedies,
          decidedBy: decision.decidedBy,
          handlerName: decision.handlerName,
        },
        { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
      );
    } catch (e) {
      if (isServiceError(e) && e.code === status.FAILED_PRECONDITION && decodeGrpcError(e).reason === 'WRONG_STATE') {
        throw new PreconditionError(
          'CASE_NOT_PROCESSING',
          '办件已不在办理中（可能已由审批人员作出决定，或已撤回、作废），不能再提交决定',
        );
      }
      throw e;
    }
  }

  close(): void {
    this.client.close();
  }
}
