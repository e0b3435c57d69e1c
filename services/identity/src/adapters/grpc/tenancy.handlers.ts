import type { GrpcServer } from '@govhall/grpc';
import type { identityV1 } from '@govhall/proto';
import type { TenancyUseCases } from '../../usecases/tenancy.use-cases';
import {
  levelFromProto,
  serviceCenterFromProto,
  toProtoBasis,
  toProtoDepartment,
  toProtoResponsible,
  toProtoTenant,
  toProtoWindow,
  windowKindFromProto,
} from './tenancy.mapper';

export type { TenancyUseCases } from '../../usecases/tenancy.use-cases';

type TenancyRpcs =
  | 'createTenant'
  | 'getTenant'
  | 'listTenants'
  | 'updateServiceCenter'
  | 'createDepartment'
  | 'updateDepartment'
  | 'listDepartments'
  | 'createWindow'
  | 'updateWindow'
  | 'assignWindowPosts'
  | 'listWindows'
  | 'getWindowResponsible';

/** Tenant, department and window RPCs: proto ⇄ use case. Public center information is served anonymously. */
export function tenancyHandlers(
  server: GrpcServer,
  uc: TenancyUseCases,
  afterWrite: () => void,
): Pick<identityV1.IdentityServiceServer, TenancyRpcs> {
  return {
    createTenant: server.unary<identityV1.CreateTenantRequest, identityV1.CreateTenantResponse>(
      'CreateTenant',
      async (req, ctx) => {
        const tenant = await uc.createTenant(
          {
            code: req.code,
            name: req.name,
            level: levelFromProto(req.level),
            parentCode: req.parentCode,
            center: serviceCenterFromProto(req.center),
          },
          ctx.principal,
        );
        afterWrite();
        return { tenant: toProtoTenant(tenant) };
      },
    ),
    getTenant: server.unary<identityV1.GetTenantRequest, identityV1.GetTenantResponse>(
      'GetTenant',
      async (req) => ({ tenant: toProtoTenant(await uc.getTenant(req.code)) }),
      { auth: 'none' },
    ),
    listTenants: server.unary<identityV1.ListTenantsRequest, identityV1.ListTenantsResponse>(
      'ListTenants',
      async (req) => ({ tenants: (await uc.listTenants(req.parentCode)).map(toProtoTenant) }),
      { auth: 'none' },
    ),
    updateServiceCenter: server.unary<identityV1.UpdateServiceCenterRequest, identityV1.UpdateServiceCenterResponse>(
      'UpdateServiceCenter',
      async (req, ctx) => {
        const tenant = await uc.updateServiceCenter(
          { code: req.code, center: serviceCenterFromProto(req.center), expectedVersion: req.expectedVersion },
          ctx.principal,
        );
        afterWrite();
        return { tenant: toProtoTenant(tenant) };
      },
    ),
    createDepartment: server.unary<identityV1.CreateDepartmentRequest, identityV1.CreateDepartmentResponse>(
      'CreateDepartment',
      async (req, ctx) => {
        const department = await uc.createDepartment(
          { tenant: req.tenant, abbreviation: req.abbreviation, name: req.name },
          ctx.principal,
        );
        afterWrite();
        return { department: toProtoDepartment(department) };
      },
    ),
    updateDepartment: server.unary<identityV1.UpdateDepartmentRequest, identityV1.UpdateDepartmentResponse>(
      'UpdateDepartment',
      async (req, ctx) => {
        const department = await uc.updateDepartment(
          { code: req.code, name: req.name, expectedVersion: req.expectedVersion },
          ctx.principal,
        );
        afterWrite();
        return { department: toProtoDepartment(department) };
      },
    ),
    listDepartments: server.unary<identityV1.ListDepartmentsRequest, identityV1.ListDepartmentsResponse>(
      'ListDepartments',
      async (req) => ({ departments: (await uc.listDepartments(req.tenant)).map(toProtoDepartment) }),
      { auth: 'none' },
    ),
    createWindow: server.unary<identityV1.CreateWindowRequest, identityV1.CreateWindowResponse>(
      'CreateWindow',
      async (req, ctx) => {
        const window = await uc.createWindow(
          {
            tenant: req.tenant,
            number: req.number,
            name: req.name,
            kind: windowKindFromProto(req.kind),
            department: req.department,
            servesDepartments: req.servesDepartments,
            aPostStaffId: req.aPostStaffId,
            bPostStaffId: req.bPostStaffId,
            location: req.location,
          },
          ctx.principal,
        );
        afterWrite();
        return { window: toProtoWindow(window) };
      },
    ),
    updateWindow: server.unary<identityV1.UpdateWindowRequest, identityV1.UpdateWindowResponse>(
      'UpdateWindow',
      async (req, ctx) => {
        const window = await uc.updateWindow(
          {
            windowId: req.windowId,
            number: req.number,
            name: req.name,
            kind: windowKindFromProto(req.kind),
            department: req.department,
            servesDepartments: req.servesDepartments,
            location: req.location,
            expectedVersion: req.expectedVersion,
          },
          ctx.principal,
        );
        afterWrite();
        return { window: toProtoWindow(window) };
      },
    ),
    assignWindowPosts: server.unary<identityV1.AssignWindowPostsRequest, identityV1.AssignWindowPostsResponse>(
      'AssignWindowPosts',
      async (req, ctx) => {
        const window = await uc.assignWindowPosts(
          {
            windowId: req.windowId,
            aPostStaffId: req.aPostStaffId,
            bPostStaffId: req.bPostStaffId,
            expectedVersion: req.expectedVersion,
          },
          ctx.principal,
        );
        afterWrite();
        return { window: toProtoWindow(window) };
      },
    ),
    listWindows: server.unary<identityV1.ListWindowsRequest, identityV1.ListWindowsResponse>(
      'ListWindows',
      async (req) => ({ windows: (await uc.listWindows(req.tenant)).map(toProtoWindow) }),
      { auth: 'none' },
    ),
    getWindowResponsible: server.unary<identityV1.GetWindowResponsibleRequest, identityV1.GetWindowResponsibleResponse>(
      'GetWindowResponsible',
      async (req, ctx) => {
        const answer = await uc.getWindowResponsible({ windowId: req.windowId, date: req.date }, ctx.principal);
        return {
          window: toProtoWindow(answer.window),
          date: answer.date,
          responsible: toProtoResponsible(answer.staff),
          basis: toProtoBasis(answer.basis),
        };
      },
    ),
  };
}
