import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type { CaseApplicants } from '../../usecases/ratings/ports';

/** A case's applicant, read with the service's center account of its tenant (ADR 0053); never logged. */
export class GrpcCaseApplicants implements CaseApplicants {
  private readonly client: applicationsV1.ApplicationsServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 10_000,
  ) {
    this.client = createGrpcClient(applicationsV1.ApplicationsServiceClient, address, {
      serviceName: 'govhall.applications.v1.ApplicationsService',
      idempotentMethods: ['GetCase'],
      maxMessageBytes: 24 * 1024 * 1024,
    });
  }

  async applicantOf(tenant: string, caseId: string): Promise<{ subject: string } | null> {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('CASES_UNAVAILABLE', `评价服务没有地区 ${tenant} 的服务账号，无法读取办件`);
    }
    try {
      const { case: c } = await callUnary(
        this.client.getCase.bind(this.client),
        { id: caseId },
        { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
      );
      return c && c.tenant === tenant && c.applicant?.subject ? { subject: c.applicant.subject } : null;
    } catch (e) {
      if (isServiceError(e) && [status.NOT_FOUND, status.INVALID_ARGUMENT, status.PERMISSION_DENIED].includes(e.code)) {
        return null;
      }
      throw new UnavailableError('CASES_UNAVAILABLE', '办件服务暂时无法访问，请稍后重试');
    }
  }

  close(): void {
    this.client.close();
  }
}
