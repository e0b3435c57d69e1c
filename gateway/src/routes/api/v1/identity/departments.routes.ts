import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { DepartmentCode } from './identity.schemas';
import { departmentToRest, present } from './identity.mapper';
import { ADMINS } from './roles';
import { Department, UpdateDepartmentBody } from './tenancy.schemas';

const tags = ['identity'];

const DepartmentParams = Type.Object(
  { code: DepartmentCode('部门编码，如 620321-SCJG') },
  { additionalProperties: false },
);

/** A seated department, by its code. */
const departmentsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.put(
    '/departments/:code',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '修改进驻部门名称（本级中心管理员；部门编码不变；需带读取时的版本号）',
        params: DepartmentParams,
        body: UpdateDepartmentBody,
        response: { 200: Department, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'updateDepartment',
        { code: request.params.code, name: request.body.name, expectedVersion: request.body.expectedVersion },
        { code: 'params.code' },
      );
      return departmentToRest(present(res.department, 'department'));
    },
  );
};

export default departmentsRoutes;
