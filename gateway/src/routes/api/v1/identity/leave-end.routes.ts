import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DateString, problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { RecordId } from './identity.schemas';
import { present, staffToRest } from './identity.mapper';
import { Staff } from './people.schemas';
import { LEAVE_RECORDERS } from './roles';

const tags = ['identity'];

const LeaveParams = Type.Object(
  { id: RecordId('工作人员标识'), fromDate: DateString('请假开始日期 YYYY-MM-DD（标识这次请假）') },
  { additionalProperties: false },
);

const EndLeaveBody = Type.Object(
  {
    toDate: Type.Optional(DateString('提前结束后的最后一天请假日期；不填则撤销这次请假')),
    expectedVersion: Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: '读取时的工作人员档案版本（乐观并发）',
    }),
  },
  { additionalProperties: false },
);

/** Cancelling a recorded leave, or ending it early. */
const leaveEndRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.post(
    '/staff/:id/leaves/:fromDate/end',
    {
      config: { auth: { roles: LEAVE_RECORDERS } },
      schema: {
        tags,
        summary: '撤销请假（不填 toDate）或提前结束请假（本级中心管理员或部门负责人）；已结束的请假不能修改',
        params: LeaveParams,
        body: EndLeaveBody,
        response: { 200: Staff, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'endLeave',
        {
          staffId: request.params.id,
          fromDate: request.params.fromDate,
          toDate: request.body.toDate ?? '',
          expectedVersion: request.body.expectedVersion,
        },
        { staffId: 'params.id', fromDate: 'params.fromDate' },
      );
      return staffToRest(present(res.staff, 'staff'));
    },
  );
};

export default leaveEndRoutes;
