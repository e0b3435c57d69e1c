import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { hallScreenOwnTenant } from '../../../../lib/hall-screen-scope';
import { HALL_SCREEN_READERS, SUPERVISION_READERS } from './roles';
import { signalLevel } from './supervision.enums';
import { clockToRest, signalToRest } from './supervision.mapper';
import {
  ClockAnswer,
  ClockPage,
  ClocksQuery,
  MatterParams,
  RecordedEventsAnswer,
  RecordedEventsQuery,
  SignalPage,
  SignalsQuery,
} from './supervision.schemas';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';

const tags = ['supervision'];
const auth = { roles: SUPERVISION_READERS };

/** Clocks (S1, S6), signals (S14, S16) and the recorded events, read from the supervision service. */
const clocksRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'supervision', opts.deadlineMs);

  app.get(
    '/clocks',
    {
      // The big screen's scrolling list: a hall screen reads its own tenant's clocks, masked by the service.
      config: { auth: { roles: HALL_SCREEN_READERS } },
      preHandler: hallScreenOwnTenant,
      schema: {
        tags,
        summary:
          '受监察事项的计时（承诺时限、法定时限、环节、暂停），可按信号等级、部门、窗口筛选；' +
          '大厅大屏账号仅可读本地区，申请人姓名脱敏，不含经办人与暂停原因',
        querystring: ClocksQuery,
        response: { 200: ClockPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listClocks',
        {
          tenant: q.tenant ?? '',
          includeSubordinates: q.includeSubordinates ?? false,
          minSignal: signalLevel.proto(q.minSignal),
          department: q.department ?? '',
          windowId: q.windowId ?? '',
          openOnly: q.openOnly ?? false,
          page: pageOf(q),
        },
        queryFields('tenant', 'includeSubordinates', 'minSignal', 'department', 'windowId', 'openOnly'),
      );
      return { clocks: res.clocks.map(clockToRest), ...pageAnswer(res.page, res.clocks.length) };
    },
  );

  app.get(
    '/clocks/:matterId',
    {
      config: { auth },
      schema: {
        tags,
        summary: '一个事项的计时：时限、环节、暂停、计时说明（依据的规则、跳过的日子）',
        params: MatterParams,
        response: { 200: ClockAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'getMatterClock',
        { matterId: request.params.matterId },
        { matterId: 'params.matterId' },
      );
      if (!res.clock) throw new Error('supervision answered without clock');
      return { clock: clockToRest(res.clock) };
    },
  );

  app.get(
    '/signals',
    {
      config: { auth },
      schema: {
        tags,
        summary: '预警、黄牌、红牌信号（最新的在前）：当前有效的或含历史，可按事项、等级筛选',
        querystring: SignalsQuery,
        response: { 200: SignalPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listSignals',
        {
          tenant: q.tenant ?? '',
          includeSubordinates: q.includeSubordinates ?? false,
          matterId: q.matterId ?? '',
          activeOnly: q.activeOnly ?? false,
          minLevel: signalLevel.proto(q.minLevel),
          page: pageOf(q),
        },
        queryFields('tenant', 'includeSubordinates', 'matterId', 'activeOnly', 'minLevel'),
      );
      return { signals: res.signals.map(signalToRest), ...pageAnswer(res.page, res.signals.length) };
    },
  );

  app.get(
    '/recorded-events',
    {
      config: { auth },
      schema: {
        tags,
        summary: '电子监察记录的一个聚合（如办件）的全部事件，最早的在前',
        querystring: RecordedEventsQuery,
        response: { 200: RecordedEventsAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'listRecordedEvents',
        { aggregateId: request.query.aggregateId },
        queryFields('aggregateId'),
      );
      return {
        events: res.events.map((e) => ({
          eventId: e.eventId,
          type: e.type,
          tenant: e.tenant,
          aggregateId: e.aggregateId,
          aggregateVersion: e.aggregateVersion,
          occurredAt: e.occurredAt?.toISOString(),
          recordedAt: e.recordedAt?.toISOString(),
          topic: e.topic,
        })),
      };
    },
  );
};

export default clocksRoutes;
