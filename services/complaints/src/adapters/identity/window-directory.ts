import { status } from '@grpc/grpc-js';
import type { ServiceAccounts } from '@govhall/auth';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { WindowDirectory } from '../../usecases/ratings/ports';
import { callAsCenter, IDENTITY } from '../center-account-call';

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

  windowOf(tenant: string, windowId: string) {
    return callAsCenter(
      this.accounts,
      tenant,
      IDENTITY('窗口'),
      this.deadlineMs,
      async (options) => {
        const answer = await callUnary(
          this.client.getWindowResponsible.bind(this.client),
          { windowId, date: '' },
          options,
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
      },
      [status.NOT_FOUND, status.INVALID_ARGUMENT, status.PERMISSION_DENIED],
    );
  }

  close(): void {
    this.client.close();
  }
}
