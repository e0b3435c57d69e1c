import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { hallScreenOwnTenant } from '../../../../lib/hall-screen-scope';
import { HALL_SCREEN_READERS } from './roles';
import { signalLevel } from './supervision.enums';
import { HallTodayAnswer, HallTodayQuery } from './supervision.schemas';
import { queryFields } from '../../../../lib/query-fields';

/**
 * The hall's figures of today (the big screen, 大屏): GetHallToday of the supervision service; a hall screen's device
 * account reads its own tenant's (ADR 0049).
 */
const hallTodayRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'supervision', opts.deadlineMs);

  app.get(
    '/hall-today',
    {
      config: { auth: { roles: HALL_SCREEN_READERS } },
      preHandler: hallScreenOwnTenant,
      schema: {
        tags: ['supervision'],
        summary: '大厅今日情况：今日收件、受理、办结（按时办结）、在办件按信号等级、各窗口在办件',
        querystring: HallTodayQuery,
        response: { 200: HallTodayAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'getHallToday',
        { tenant: q.tenant ?? '', includeSubordinates: q.includeSubordinates ?? false },
        queryFields('tenant', 'includeSubordinates'),
      );
      return {
        ...res,
        windows: res.windows.map((w) => ({ ...w, worstSignal: signalLevel.rest(w.worstSignal) })),
      };
    },
  );
};

export default hallTodayRoutes;
