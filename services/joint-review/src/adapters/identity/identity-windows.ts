import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { WindowInfo, Windows } from '../../usecases/delegation/delegation.ports';
import type { ServiceAccounts } from '@govhall/auth';

/** The tenant's windows as identity lists them (ListWindows, with the service's account of the tenant). */
export class IdentityWindows implements Windows {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly accounts: ServiceAccounts,
    private readonly deadlineMs = 3_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['ListWindows'],
    });
  }

  async get(tenant: string, windowId: string): Promise<WindowInfo | null> {
    if (!windowId) return null;
    const token = await this.accounts.tokenFor(tenant);
    let windows: identityV1.Window[];
    try {
      ({ windows } = await callUnary(
        this.client.listWindows.bind(this.client),
        { tenant },
        token ? { authorization: `Bearer ${token}`, deadlineMs: this.deadlineMs } : { deadlineMs: this.deadlineMs },
      ));
    } catch {
      throw new UnavailableError('IDENTITY_UNAVAILABLE', '身份服务暂时不可用，请稍后重试');
    }
    const w = windows.find((x) => x.id === windowId && x.tenant === tenant);
    if (!w) return null;
    return {
      id: w.id,
      department: w.department,
      comprehensive: w.kind === identityV1.WindowKind.WINDOW_KIND_COMPREHENSIVE,
      servesDepartments: [...w.servesDepartments],
    };
  }

  close(): void {
    this.client.close();
  }
}
