import { status } from '@grpc/grpc-js';
import type { PasswordLogins } from '@govhall/auth';
import { actingCalls, createGrpcClient, isRefusal } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { CenterAccountApi } from './center-accounts';
import type { CoDepartmentApi } from './co-department-window';

/**
 * The seed's calls over identity's gRPC API at `address`, with real Keycloak access tokens of the logins it acts
 * as; it never opens identity's database. CreateServiceAccount and CreateStaff are safe to repeat (identity returns
 * the same record), so they are retried while identity is briefly unreachable; CreateWindow answers a repeat with
 * ALREADY_EXISTS WINDOW_NUMBER_TAKEN. Errors name the RPC and identity's reason, never a secret.
 */
export function grpcIdentitySeedApi(options: {
  address: string;
  logins: PasswordLogins;
  deadlineMs?: number;
}): CenterAccountApi & CoDepartmentApi & { close(): void } {
  const client = createGrpcClient(identityV1.IdentityServiceClient, options.address, {
    serviceName: 'govhall.identity.v1.IdentityService',
    idempotentMethods: ['CreateServiceAccount', 'CreateStaff', 'CreateWindow'],
    maxAttempts: 5,
  });
  // Creating a Keycloak client or user waits for Keycloak's admin API: give it time.
  const deadlineMs = options.deadlineMs ?? 30_000;

  const call = actingCalls(client, { logins: options.logins, deadlineMs });

  return {
    async createServiceAccount(request, as) {
      const res = await call<identityV1.CreateServiceAccountRequest, identityV1.CreateServiceAccountResponse>(
        'CreateServiceAccount',
        client.createServiceAccount,
        request,
        as,
      );
      const account = res.serviceAccount;
      if (!account) throw new Error(`CreateServiceAccount ${request.clientId}: the answer is empty`);
      return {
        tenant: account.tenant,
        department: account.department,
        clientId: account.clientId,
        secret: res.clientSecret,
      };
    },
    async createStaff(request, as) {
      const res = await call<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
        'CreateStaff',
        client.createStaff,
        request,
        as,
      );
      const staff = res.staff;
      if (!staff) throw new Error(`CreateStaff ${request.username}: the answer is empty`);
      return {
        id: staff.id,
        username: staff.username,
        department: staff.department,
        active: staff.status === identityV1.StaffStatus.STAFF_STATUS_ACTIVE,
      };
    },
    async createWindow(request, as) {
      try {
        await call<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
          'CreateWindow',
          client.createWindow,
          { ...request, kind: identityV1.WindowKind.WINDOW_KIND_DEPARTMENT },
          as,
        );
        return true;
      } catch (e) {
        if (isRefusal(e, status.ALREADY_EXISTS, ['WINDOW_NUMBER_TAKEN'])) {
          return false;
        }
        throw e;
      }
    },
    close: () => client.close(),
  };
}
