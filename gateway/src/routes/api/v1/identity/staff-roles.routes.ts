import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { IdParams } from './identity.schemas';
import { present, staffToRest } from './identity.mapper';
import { ChangeStaffRolesBody, Staff } from './people.schemas';
import { ADMINS } from './roles';

const tags = ['identity'];

/** A member of staff's roles and department, set by the center administrator. */
const staffRolesRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.put(
    '/staff/:id/roles',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary:
          '调整工作人员的岗位角色和所属部门（本级中心管理员；不能调整自己的；仍在窗口岗位上时不能调换部门；该人员需重新登录）',
        params: IdParams,
        body: ChangeStaffRolesBody,
        response: { 200: Staff, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'changeStaffRoles',
        {
          staffId: request.params.id,
          roles: request.body.roles,
          department: request.body.department ?? '',
          expectedVersion: request.body.expectedVersion,
        },
        { staffId: 'params.id' },
      );
      return staffToRest(present(res.staff, 'staff'));
    },
  );
};

export default staffRolesRoutes;
