import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { IdParams, TenantParams } from './identity.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { present, staffToRest } from './identity.mapper';
import { ADMINS, LEAVE_RECORDERS } from './roles';
import { CreateStaffBody, DisableBody, ListStaffQuery, RecordLeaveBody, Staff, StaffPage } from './people.schemas';

const tags = ['identity'];

/** Staff records and their Keycloak accounts, leaves, disabling. */
const staffRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.get(
    '/tenants/:code/staff',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '工作人员列表（本级工作人员；上级监察人员、中心管理员可查看下级）',
        params: TenantParams,
        querystring: ListStaffQuery,
        response: { 200: StaffPage, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listStaff',
        {
          tenant: request.params.code,
          department: q.department ?? '',
          page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' },
        },
        { tenant: 'params.code', department: 'querystring.department', page: 'querystring' },
      );
      return {
        staff: res.staff.map(staffToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.staff.length,
      };
    },
  );

  app.post(
    '/staff',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '新增工作人员并开通统一身份认证账号（本级中心管理员；同一登录名重试会补全开通）',
        body: CreateStaffBody,
        response: { 201: Staff, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(request, 'createStaff', {
        tenant: b.tenant,
        department: b.department ?? '',
        username: b.username,
        displayName: b.displayName,
        phone: b.phone,
        roles: b.roles,
        initialPassword: b.initialPassword,
        permanentPassword: b.permanentPassword ?? false,
      });
      const staff = staffToRest(present(res.staff, 'staff'));
      return reply.status(201).header('location', `/api/v1/identity/staff/${staff.id}`).send(staff);
    },
  );

  app.get(
    '/staff/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '查看工作人员',
        params: IdParams,
        response: { 200: Staff, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getStaff', { id: request.params.id }, { id: 'params.id' });
      return staffToRest(present(res.staff, 'staff'));
    },
  );

  app.post(
    '/staff/:id/leaves',
    {
      config: { auth: { roles: LEAVE_RECORDERS } },
      schema: {
        tags,
        summary: '登记请假（本级中心管理员）：请假期间窗口由B岗接替',
        params: IdParams,
        body: RecordLeaveBody,
        response: { 201: Staff, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'recordLeave',
        { staffId: request.params.id, leave: request.body },
        { staffId: 'params.id', leave: '' },
      );
      return reply.status(201).send(staffToRest(present(res.staff, 'staff')));
    },
  );

  app.post(
    '/staff/:id/disable',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '停用工作人员（本级中心管理员）：账号停用并立即下线；仍在窗口A岗、B岗上时需先调岗',
        params: IdParams,
        body: DisableBody,
        response: { 200: Staff, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'disableStaff',
        { staffId: request.params.id, reason: request.body.reason },
        { staffId: 'params.id' },
      );
      return staffToRest(present(res.staff, 'staff'));
    },
  );
};

export default staffRoutes;
