import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { Tenants } from '../../usecases/escalations/escalation.ports';

/**
 * The tenant tree from identity (GetTenant is public): a tenant's parent and its center's name, kept for the life of
 * the process once read (the tree changes with a deployment's configuration, not during the day).
 */
export class IdentityTenants implements Tenants {
  private readonly client: identityV1.IdentityServiceClient;
  private readonly known = new Map<string, Promise<identityV1.Tenant | null>>();

  constructor(
    address: string,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetTenant'],
    });
  }

  async parentOf(tenant: string): Promise<string> {
    return (await this.tenant(tenant))?.parentCode ?? '';
  }

  async centerName(tenant: string): Promise<string> {
    const t = await this.tenant(tenant);
    return t?.center?.name || t?.name || '';
  }

  private tenant(code: string): Promise<identityV1.Tenant | null> {
    const hit = this.known.get(code);
    if (hit) return hit;
    const read = callUnary(this.client.getTenant.bind(this.client), { code }, { deadlineMs: this.deadlineMs }).then(
      (r) => r.tenant ?? null,
      (e: unknown) => {
        if (isServiceError(e) && e.code === status.NOT_FOUND) return null;
        throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
      },
    );
    this.known.set(code, read);
    read.catch(() => this.known.delete(code));
    return read;
  }

  close(): void {
    this.client.close();
  }
}
