import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { IdParams } from './identity.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { responsibilityBasis, windowKind } from './identity.enums';
import { present, staffToRest, windowToRest } from './identity.mapper';
import { ADMINS } from './roles';
import { AssignPostsBody, ResponsibleQuery, UpdateWindowBody, Window, WindowResponsible } from './tenancy.schemas';

const tags = ['identity'];

/** A window's posts, and who serves its queue on a day. */
const windowsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'identity', opts.deadlineMs);

  app.put(
    '/windows/:id',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary:
          '修改窗口的编号、名称、类型、受理部门和位置（本级中心管理员；A岗、B岗须仍属受理部门；需带读取时的版本号）',
        params: IdParams,
        body: UpdateWindowBody,
        response: { 200: Window, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const b = request.body;
      const res = await call(
        request,
        'updateWindow',
        {
          windowId: request.params.id,
          number: b.number,
          name: b.name,
          kind: windowKind.proto(b.kind),
          department: b.department,
          servesDepartments: b.servesDepartments ?? [],
          location: b.location ?? '',
          expectedVersion: b.expectedVersion,
        },
        { windowId: 'params.id' },
      );
      return windowToRest(present(res.window, 'window'));
    },
  );

  app.put(
    '/windows/:id/posts',
    {
      config: { auth: { roles: ADMINS } },
      schema: {
        tags,
        summary: '调整窗口的A岗、B岗（本级中心管理员；需带读取时的版本号）',
        params: IdParams,
        body: AssignPostsBody,
        response: { 200: Window, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'assignWindowPosts',
        {
          windowId: request.params.id,
          aPostStaffId: request.body.aPostStaffId ?? '',
          bPostStaffId: request.body.bPostStaffId ?? '',
          expectedVersion: request.body.expectedVersion,
        },
        { windowId: 'params.id' },
      );
      return windowToRest(present(res.window, 'window'));
    },
  );

  app.get(
    '/windows/:id/responsible',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '某日窗口的当班负责人：A岗，缺勤时B岗，再缺时部门负责人，最后中心管理员',
        params: IdParams,
        querystring: ResponsibleQuery,
        response: { 200: WindowResponsible, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'getWindowResponsible',
        { windowId: request.params.id, date: request.query.date ?? '' },
        { windowId: 'params.id', date: 'querystring.date' },
      );
      return {
        window: windowToRest(present(res.window, 'window')),
        date: res.date,
        responsible: staffToRest(present(res.responsible, 'responsible')),
        basis: responsibilityBasis.rest(res.basis),
      };
    },
  );
};

export default windowsRoutes;
