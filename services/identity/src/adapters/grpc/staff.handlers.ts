import type { GrpcServer } from '@govhall/grpc';
import type { identityV1 } from '@govhall/proto';
import type { changeStaffRolesUseCase } from '../../usecases/change-staff-roles/change-staff-roles.usecase';
import type { createServiceAccountUseCase } from '../../usecases/create-service-account/create-service-account.usecase';
import type { createStaffUseCase } from '../../usecases/create-staff/create-staff.usecase';
import type { disableServiceAccountUseCase } from '../../usecases/disable-service-account/disable-service-account.usecase';
import type { rotateServiceAccountSecretUseCase } from '../../usecases/rotate-service-account-secret/rotate-service-account-secret.usecase';
import type { disableStaffUseCase } from '../../usecases/disable-staff/disable-staff.usecase';
import type { endLeaveUseCase } from '../../usecases/end-leave/end-leave.usecase';
import type { getStaffUseCase } from '../../usecases/get-staff/get-staff.usecase';
import type { listServiceAccountsUseCase } from '../../usecases/list-service-accounts/list-service-accounts.usecase';
import type { listStaffUseCase } from '../../usecases/list-staff/list-staff.usecase';
import type { recordLeaveUseCase } from '../../usecases/record-leave/record-leave.usecase';
import { toProtoServiceAccount, toProtoStaff } from './staff.mapper';

export interface StaffUseCases {
  createStaff: ReturnType<typeof createStaffUseCase>;
  getStaff: ReturnType<typeof getStaffUseCase>;
  listStaff: ReturnType<typeof listStaffUseCase>;
  recordLeave: ReturnType<typeof recordLeaveUseCase>;
  endLeave: ReturnType<typeof endLeaveUseCase>;
  disableStaff: ReturnType<typeof disableStaffUseCase>;
  changeStaffRoles: ReturnType<typeof changeStaffRolesUseCase>;
  createServiceAccount: ReturnType<typeof createServiceAccountUseCase>;
  listServiceAccounts: ReturnType<typeof listServiceAccountsUseCase>;
  rotateServiceAccountSecret: ReturnType<typeof rotateServiceAccountSecretUseCase>;
  disableServiceAccount: ReturnType<typeof disableServiceAccountUseCase>;
}

type StaffRpcs =
  | 'createStaff'
  | 'getStaff'
  | 'listStaff'
  | 'recordLeave'
  | 'endLeave'
  | 'disableStaff'
  | 'changeStaffRoles'
  | 'createServiceAccount'
  | 'listServiceAccounts'
  | 'rotateServiceAccountSecret'
  | 'disableServiceAccount';

/** Staff and service-account RPCs: proto ⇄ use case. */
export function staffHandlers(
  server: GrpcServer,
  uc: StaffUseCases,
  afterWrite: () => void,
): Pick<identityV1.IdentityServiceServer, StaffRpcs> {
  return {
    createStaff: server.unary<identityV1.CreateStaffRequest, identityV1.CreateStaffResponse>(
      'CreateStaff',
      async (req, ctx) => {
        const staff = await uc.createStaff(
          {
            tenant: req.tenant,
            ...(req.department ? { department: req.department } : {}),
            username: req.username,
            displayName: req.displayName,
            phone: req.phone,
            roles: req.roles,
            initialPassword: req.initialPassword,
            permanentPassword: req.permanentPassword,
          },
          ctx.principal,
        );
        afterWrite();
        return { staff: toProtoStaff(staff) };
      },
    ),
    getStaff: server.unary<identityV1.GetStaffRequest, identityV1.GetStaffResponse>('GetStaff', async (req, ctx) => ({
      staff: toProtoStaff(await uc.getStaff(req.id, ctx.principal)),
    })),
    listStaff: server.unary<identityV1.ListStaffRequest, identityV1.ListStaffResponse>(
      'ListStaff',
      async (req, ctx) => {
        const result = await uc.listStaff(
          {
            tenant: req.tenant,
            ...(req.department ? { department: req.department } : {}),
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return {
          staff: result.staff.map(toProtoStaff),
          page: { nextPageToken: result.nextPageToken, total: result.total },
        };
      },
    ),
    changeStaffRoles: server.unary<identityV1.ChangeStaffRolesRequest, identityV1.ChangeStaffRolesResponse>(
      'ChangeStaffRoles',
      async (req, ctx) => {
        const staff = await uc.changeStaffRoles(
          {
            staffId: req.staffId,
            roles: req.roles,
            department: req.department,
            expectedVersion: req.expectedVersion,
          },
          ctx.principal,
        );
        afterWrite();
        return { staff: toProtoStaff(staff) };
      },
    ),
    rotateServiceAccountSecret: server.unary<
      identityV1.RotateServiceAccountSecretRequest,
      identityV1.RotateServiceAccountSecretResponse
    >('RotateServiceAccountSecret', async (req, ctx) => {
      const { serviceAccount, secret } = await uc.rotateServiceAccountSecret(
        { serviceAccountId: req.serviceAccountId },
        ctx.principal,
      );
      afterWrite();
      return { serviceAccount: toProtoServiceAccount(serviceAccount), clientSecret: secret };
    }),
    disableServiceAccount: server.unary<
      identityV1.DisableServiceAccountRequest,
      identityV1.DisableServiceAccountResponse
    >('DisableServiceAccount', async (req, ctx) => {
      const serviceAccount = await uc.disableServiceAccount(
        { serviceAccountId: req.serviceAccountId, reason: req.reason },
        ctx.principal,
      );
      afterWrite();
      return { serviceAccount: toProtoServiceAccount(serviceAccount) };
    }),
    endLeave: server.unary<identityV1.EndLeaveRequest, identityV1.EndLeaveResponse>('EndLeave', async (req, ctx) => {
      const staff = await uc.endLeave(
        {
          staffId: req.staffId,
          fromDate: req.fromDate,
          ...(req.toDate ? { toDate: req.toDate } : {}),
          expectedVersion: req.expectedVersion,
        },
        ctx.principal,
      );
      afterWrite();
      return { staff: toProtoStaff(staff) };
    }),
    recordLeave: server.unary<identityV1.RecordLeaveRequest, identityV1.RecordLeaveResponse>(
      'RecordLeave',
      async (req, ctx) => {
        const leave = req.leave ?? { fromDate: '', toDate: '', reason: '' };
        const staff = await uc.recordLeave({ staffId: req.staffId, leave }, ctx.principal);
        afterWrite();
        return { staff: toProtoStaff(staff) };
      },
    ),
    disableStaff: server.unary<identityV1.DisableStaffRequest, identityV1.DisableStaffResponse>(
      'DisableStaff',
      async (req, ctx) => {
        const staff = await uc.disableStaff({ staffId: req.staffId, reason: req.reason }, ctx.principal);
        afterWrite();
        return { staff: toProtoStaff(staff) };
      },
    ),
    createServiceAccount: server.unary<identityV1.CreateServiceAccountRequest, identityV1.CreateServiceAccountResponse>(
      'CreateServiceAccount',
      async (req, ctx) => {
        const { serviceAccount, secret } = await uc.createServiceAccount(
          { tenant: req.tenant, department: req.department, clientId: req.clientId, description: req.description },
          ctx.principal,
        );
        afterWrite();
        return { serviceAccount: toProtoServiceAccount(serviceAccount), clientSecret: secret };
      },
    ),
    listServiceAccounts: server.unary<identityV1.ListServiceAccountsRequest, identityV1.ListServiceAccountsResponse>(
      'ListServiceAccounts',
      async (req, ctx) => ({
        serviceAccounts: (await uc.listServiceAccounts(req.tenant, ctx.principal)).map(toProtoServiceAccount),
      }),
    ),
  };
}
