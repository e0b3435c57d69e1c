import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type { CaseView, Cases } from '../../usecases/ports';

const S = applicationsV1.CaseStatus;
/**
 * Decided and approved, the result not yet issued: the case's fees are assessed (APPROVED) and paid (AWAITING_PAYMENT,
 * once the notice is issued) in these.
 */
const ASSESSABLE: readonly applicationsV1.CaseStatus[] = [S.CASE_STATUS_APPROVED, S.CASE_STATUS_AWAITING_PAYMENT];

/** The case read with the service's center account of its tenant (ADR 0053); never logged (it holds the form). */
export class CaseViews implements Cases {
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

  async get(tenant: string, caseId: string): Promise<CaseView | null> {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('CASES_UNAVAILABLE', `收费服务没有地区 ${tenant} 的服务账号，无法读取办件`);
    }
    let c: applicationsV1.Case | undefined;
    try {
      ({ case: c } = await callUnary(
        this.client.getCase.bind(this.client),
        { id: caseId },
        { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
      ));
    } catch (e) {
      if (isServiceError(e) && (e.code === status.NOT_FOUND || e.code === status.INVALID_ARGUMENT)) return null;
      if (isServiceError(e) && e.code === status.PERMISSION_DENIED) return null;
      throw new UnavailableError('CASES_UNAVAILABLE', '办件服务暂时无法访问，请稍后重试');
    }
    if (!c || c.tenant !== tenant) return null;
    return {
      tenant: c.tenant,
      caseId: c.id,
      caseNumber: c.caseNumber,
      itemId: c.itemId,
      itemName: c.itemName,
      approved: ASSESSABLE.includes(c.status) && c.decision?.outcome === applicationsV1.Outcome.OUTCOME_APPROVED,
      applicantSubject: c.applicant?.subject ?? '',
      payerName: c.applicant?.name ?? '',
      formData: c.formData,
    };
  }

  close(): void {
    this.client.close();
  }
}
