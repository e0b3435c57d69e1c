import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { TenantParams } from './identity.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { tenantLevel, windowKind } from './identity.enums';
import { centerToProto, departmentToRest, present, tenantToRest, windowToRest } from './identity.mapper';
import { ADMINS } from './roles';
import {
  CreateDepartmentBody,
  CreateTenantBody,
  CreateWindowBody,
  Department,
  ListTenantsQuery,
  Tenant,
  UpdateCenterBody,
  Window,
} from './tenancy.schemas';

const tags = ['identity'];

/** Tenants with their service center, departments seated in the center, and windows. */
const tenantsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.get(
    '/tenants',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '租户列表（公开）：某租户的下级，或不填 parentCode 时的根租户',
        querystring: ListTenantsQuery,
        response: { 200: Type.Object({ tenants: Type.Array(Tenant) }), ...problems(400, 401, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listTenants', { parentCode: request.query.parentCode ?? '' });
      return { tenants: res.tenants.map(tenantToRest) };
    },
  );

  app.get(
    '/tenants/:code',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '查看租户及其政务服务中心（公开）',
        params: TenantParams,
        response: { 200: Tenant, ...problems(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getTenant', { code: request.params.code }, { code: 'params.code' });
      return tenantToRest(present(res.tenant, 'tenant'));
    },
  );

  app.post(
    '/tenants',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '新建租户（上级租户的中心管理员或运维管理员）',
        body: CreateTenantBody,
        response: { 201: Tenant, ...problems(400, 401, 403, 409, 503) },
      },
    },
    async (request, reply) => {
      const { center, ...body } = request.body;
      const res = await call(request, 'createTenant', {
        code: body.code,
        name: body.name,
        level: tenantLevel.proto(body.level),
        parentCode: body.parentCode ?? '',
        center: center && centerToProto(center),
      });
      const tenant = tenantToRest(present(res.tenant, 'tenant'));
      return reply.status(201).header('location', `/api/v1/identity/tenants/${tenant.code}`).send(tenant);
    },
  );

  app.put(
    '/tenants/:code/center',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '修改政务服务中心信息（本级中心管理员；需带读取时的版本号）',
        params: TenantParams,
        body: UpdateCenterBody,
        response: { 200: Tenant, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const { expectedVersion, ...center } = request.body;
      const res = await call(
        request,
        'updateServiceCenter',
        {
          code: request.params.code,
          center: centerToProto(center),
          expectedVersion,
        },
        { code: 'params.code', center: '' },
      );
      return tenantToRest(present(res.tenant, 'tenant'));
    },
  );

  app.get(
    '/tenants/:code/departments',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '进驻部门列表（公开）',
        params: TenantParams,
        response: { 200: Type.Object({ departments: Type.Array(Department) }), ...problems(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listDepartments', { tenant: request.params.code }, { tenant: 'params.code' });
      return { departments: res.departments.map(departmentToRest) };
    },
  );

  app.post(
    '/tenants/:code/departments',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '新增进驻部门（本级中心管理员）',
        params: TenantParams,
        body: CreateDepartmentBody,
        response: { 201: Department, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'createDepartment',
        { tenant: request.params.code, abbreviation: request.body.abbreviation, name: request.body.name },
        { tenant: 'params.code' },
      );
      return reply.status(201).send(departmentToRest(present(res.department, 'department')));
    },
  );

  app.get(
    '/tenants/:code/windows',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '窗口列表（公开）',
        params: TenantParams,
        response: { 200: Type.Object({ windows: Type.Array(Window) }), ...problems(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listWindows', { tenant: request.params.code }, { tenant: 'params.code' });
      return { windows: res.windows.map(windowToRest) };
    },
  );

  app.post(
    '/tenants/:code/windows',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '新设窗口（本级中心管理员）：部门窗口或综合窗口，可同时指定A岗、B岗',
        params: TenantParams,
        body: CreateWindowBody,
        response: { 201: Window, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(
        request,
        'createWindow',
        {
          tenant: request.params.code,
          number: b.number,
          name: b.name,
          kind: windowKind.proto(b.kind),
          department: b.department,
          servesDepartments: b.servesDepartments ?? [],
          aPostStaffId: b.aPostStaffId ?? '',
          bPostStaffId: b.bPostStaffId ?? '',
          location: b.location ?? '',
        },
        { tenant: 'params.code' },
      );
      return reply.status(201).send(windowToRest(present(res.window, 'window')));
    },
  );
};

export default tenantsRoutes;
