import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, decodeGrpcError, isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { CasesPort } from '../../usecases/ports';
import type { ServiceAccounts } from './service-accounts';

/**
 * The cases service (ApplicationsService.ConcludeJointReview), called with the service's account of the case's
 * tenant. A case no longer waiting for the review (WRONG_STATE: the conclusion was applied before this process
 * could record it, or the case ended) counts as reported: there is nothing left to tell it.
 */
export class CasesClient implements CasesPort {
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

  close(): void {
    this.client.close();
  }
}
