import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { WindowDirectory } from '../../usecases/ratings/ports';

/**
 * A window of a tenant and whoever serves it today, from identity's GetWindowResponsible, read with the service's
 * center account of the tenant (ADR 0053). A window of another tenant is none.
 */
export class GrpcWindowDirectory implements WindowDirectory {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 5_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetWindowResponsible'],
    });
  }

  async windowOf(tenant: string, windowId: string) {
    const token = await this.accounts.tokenFor(tenant);
    if (!token) {
      throw new UnavailableError('IDENTITY_UNAVAILABLE', `评价服务没有地区 ${tenant} 的服务账号，无法读取窗口`);
    }
    try {
      const answer = await callUnary(
        this.client.getWindowResponsible.bind(this.client),
        { windowId, date: '' },
        { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs },
      );
      const w = answer.window;
      if (!w || w.tenant !== tenant) return null;
      const r = answer.responsible;
      return {
        id: w.id,
        number: w.number,
        name: w.name,
        department: w.department,
        ...(r?.username ? { serving: { username: r.username, name: r.displayName } } : {}),
      };
    } catch (e) {
      if (isServiceError(e) && [status.NOT_FOUND, status.INVALID_ARGUMENT, status.PERMISSION_DENIED].includes(e.code)) {
        return null;
      }
      throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时无法访问，请稍后重试');
    }
  }

  close(): void {
    this.client.close();
  }
}
