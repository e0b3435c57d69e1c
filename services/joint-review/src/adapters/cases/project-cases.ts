import { status } from '@grpc/grpc-js';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { applicationsV1 } from '@govhall/proto';
import type { CaseFacts } from '../../domain/projects/project';
import type { ProjectCaseSource } from '../../usecases/projects/project.ports';
import { caseStatus, completedDateOf } from './case-status';
import type { ServiceAccounts } from '@govhall/auth';

/** A case to be attached to a project, read with GetCase as the service's center account of the tenant. */
export class ProjectCases implements ProjectCaseSource {
  private readonly client: applicationsV1.ApplicationsServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 5_000,
  ) {
    this.client = createGrpcClient(applicationsV1.ApplicationsServiceClient, address, {
      serviceName: 'govhall.applications.v1.ApplicationsService',
      idempotentMethods: ['GetCase'],
    });
  }

  async caseFacts(tenant: string, caseId: string): Promise<CaseFacts | null> {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('CASES_UNAVAILABLE', `本服务没有地区 ${tenant} 的服务账号，无法读取办件`);
    }
    let found: applicationsV1.Case | undefined;
    try {
      found = (
        await callUnary(
          this.client.getCase.bind(this.client),
          { id: caseId },
          { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
        )
      ).case;
    } catch (e) {
      if (isServiceError(e) && [status.NOT_FOUND, status.INVALID_ARGUMENT, status.PERMISSION_DENIED].includes(e.code)) {
        return null;
      }
      throw new UnavailableError('CASES_UNAVAILABLE', '办件服务暂时不可用，请稍后重试');
    }
    const s = found ? caseStatus.fromProto(found.status) : '';
    if (!found || found.tenant !== tenant || !s) return null;
    return {
      caseId: found.id,
      caseNumber: found.caseNumber,
      tenant: found.tenant,
      itemName: found.itemName,
      department: found.department,
      status: s,
      applicantPersonId: found.applicant?.personId ?? '',
      receivedDate: found.clocks?.receivedDate ?? '',
      dueDate: found.clocks?.promised?.dueDate ?? '',
      completedDate: completedDateOf(found),
      version: Number(found.version),
    };
  }

  close(): void {
    this.client.close();
  }
}
