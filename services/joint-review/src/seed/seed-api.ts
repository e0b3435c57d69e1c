import { status } from '@grpc/grpc-js';
import type { PasswordLogins } from '@govhall/auth';
import { isRefusal } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import { createServiceAccountVia, identitySeedClient, type CenterAccountApi } from '@govhall/seed-kit';
import type { CoDepartmentApi } from './co-department-window';

/**
 * The seed's calls over identity's gRPC API at `address`, with real Keycloak access tokens of the logins it acts
 * as; it never opens identity's database. CreateServiceAccount (@govhall/seed-kit) and CreateStaff are safe to
 * repeat (identity returns the same record), so they are retried while identity is briefly unreachable; CreateWindow
 * answers a repeat with ALREADY_EXISTS WINDOW_NUMBER_TAKEN. Errors name the RPC and identity's reason, never a secret.
 */
export function grpcIdentitySeedApi(options: {
  address: string;
  logins: PasswordLogins;
  deadlineMs?: number;
}): CenterAccountApi & CoDepartmentApi & { close(): void } {
  const { client, call } = identitySeedClient(options);

  return {
    createServiceAccount: createServiceAccountVia(call, client),
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
