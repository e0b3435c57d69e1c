import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type { CaseApplicants } from '../../usecases/ratings/ports';
import { callAsCenter, CASES } from '../center-account-call';

/** A case of a tenant and its applicant, read with the service's center account of its tenant (ADR 0053); never logged. */
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
    const c = await this.caseOf(tenant, caseId);
    return c?.subject ? { subject: c.subject } : null;
  }

  /** The case `caseId` of `tenant`: its number, item, department and applicant's subject. */
  caseOf(
    tenant: string,
    caseId: string,
  ): Promise<{ caseNumber: string; itemName: string; department: string; subject: string } | null> {
    return callAsCenter(
      this.accounts,
      tenant,
      CASES,
      this.deadlineMs,
      async (options) => {
        const { case: c } = await callUnary(this.client.getCase.bind(this.client), { id: caseId }, options);
        if (!c || c.tenant !== tenant) return null;
        return {
          caseNumber: c.caseNumber,
          itemName: c.itemName,
          department: c.department,
          subject: c.applicant?.subject ?? '',
        };
      },
      [status.NOT_FOUND, status.INVALID_ARGUMENT, status.PERMISSION_DENIED],
    );
  }

  close(): void {
    this.client.close();
  }
}
