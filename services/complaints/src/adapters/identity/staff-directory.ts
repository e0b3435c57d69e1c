import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { StaffDirectory } from '../../usecases/rectifications/ports';

/**
 * Staff of a department from identity's ListStaff, read with the service's center account of the tenant (ADR 0053):
 * whom a department head may name to handle a rectification. A department has far fewer than a page of 100 people;
 * the pages are followed all the same.
 */
export class GrpcStaffDirectory implements StaffDirectory {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 5_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['ListStaff'],
    });
  }

  async memberOf(tenant: string, department: string, username: string) {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('IDENTITY_UNAVAILABLE', `评价服务没有地区 ${tenant} 的服务账号，无法读取工作人员`);
    }
    let pageToken = '';
    try {
      do {
        const answer = await callUnary(
          this.client.listStaff.bind(this.client),
          { tenant, department, page: { pageSize: 100, pageToken } },
          { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
        );
        const found = answer.staff.find(
          (s) =>
            s.username === username &&
            s.department === department &&
            s.status === identityV1.StaffStatus.STAFF_STATUS_ACTIVE,
        );
        if (found) return { username: found.username, name: found.displayName };
        pageToken = answer.page?.nextPageToken ?? '';
      } while (pageToken);
      return null;
    } catch (e) {
      if (isServiceError(e) && [status.NOT_FOUND, status.INVALID_ARGUMENT].includes(e.code)) return null;
      throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时无法访问，请稍后重试');
    }
  }

  close(): void {
    this.client.close();
  }
}
