import { Metadata } from '@grpc/grpc-js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { complaintsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { toProblem } from '../../../../plugins/app/problem-details';
import { eventStreamResponse, relayAsEventStream, type MessageSource } from '../../../../lib/sse';
import { liveSessionToRest } from './live-consultations.rest';
import {
  MessageBody,
  MineQuery,
  OpenBody,
  QueueAnswer,
  QueueQuery,
  SessionAnswer,
  SessionPage,
  SessionParams,
  WatchQuery,
} from './live-consultations.schemas';

const tags = ['live-consultations'];
/** Staff who take sessions up: a department's (its items') and the center (every one). */
const SERVING = ['window_clerk', 'reviewer', 'approver', 'department_head', 'center_admin'] as const;
const ID = { id: 'params.id' };

/**
 * 在线咨询 (C18, U15, ADR 0069): a signed-in person opens a live session on an item, at once or booked; the item's
 * department takes it up in the workbench's console and they talk; both sides follow it as server-sent events. The
 * complaints service owns every rule.
 */
const liveConsultationRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number; heartbeatMs: number }> = async (
  app,
  opts,
) => {
  const call = grpcCall(app, 'liveConsultations', opts.deadlineMs);
  // Open watches end when the gateway shuts down, so that closing the server does not wait for them.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());
  const one = (res: { session?: complaintsV1.LiveSession }) => ({ session: liveSessionToRest(res.session) });

  /** Relays a watch to the client as events named `event`. */
  const relay = <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    open: (metadata: Metadata) => MessageSource<T>,
    event: string,
    data: (message: T) => unknown,
  ) => {
    const metadata = new Metadata();
    metadata.set('authorization', request.headers.authorization!);
    return relayAsEventStream<T>(request, reply, open(metadata), {
      heartbeatMs: opts.heartbeatMs,
      toEvent: (message) => ({ event, data: data(message) }),
      toProblem: (error) => ({ ...toProblem(error), requestId: request.id }),
      signal: closing.signal,
    });
  };

  app.post(
    '',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '发起在线咨询（登录用户）：立即咨询或预约时间，问题为第一条消息，由事项所属部门接待',
        body: OpenBody,
        response: { 201: SessionAnswer, ...problems(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await call(request, 'openLiveSession', {
        tenant: b.tenant,
        itemId: b.itemId,
        question: b.question,
        bookedFor: b.bookedFor ? new Date(b.bookedFor) : undefined,
        requestId: b.requestId,
      });
      return reply.code(201).send(one(res));
    },
  );

  app.get(
    '/mine',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '本人的在线咨询，新的在前（每次只含第一条消息）',
        querystring: MineQuery,
        response: { 200: SessionPage, ...problems(400, 401, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(request, 'listMyLiveSessions', {
        page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' },
      });
      return {
        sessions: res.sessions.map(liveSessionToRest),
        ...(res.page?.nextPageToken ? { nextPageToken: res.page.nextPageToken } : {}),
        total: Number(res.page?.total ?? 0),
      };
    },
  );

  app.get(
    '/queue',
    {
      config: { auth: { roles: [...SERVING, 'supervisor'] } },
      schema: {
        tags,
        summary:
          '在线咨询台的队列：部门人员看本部门事项的，中心管理员和监察人员看本地区全部；等待接待的在前（等得最久的在前），' +
          '然后是正在咨询的和预约的',
        querystring: QueueQuery,
        response: { 200: QueueAnswer, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'listLiveQueue', { tenant: request.query.tenant ?? '' });
      return { sessions: res.sessions.map(liveSessionToRest) };
    },
  );

  app.get(
    '/queue/watch',
    {
      config: { auth: { roles: [...SERVING, 'supervisor'] } },
      schema: {
        tags,
        summary:
          '在线咨询台的队列（text/event-stream）：连接后立即发送一个 queue 事件，此后队列有变化（新咨询、接待、新消息、' +
          '结束）再发送；定时发送注释行保持连接；出错时发送 error 事件（problem+json）后关闭',
        querystring: QueueQuery,
        response: {
          200: eventStreamResponse(['queue'], 'JSON：{"sessions": 队列}，或 error 事件的 problem+json'),
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      await relay<complaintsV1.WatchLiveQueueResponse>(
        request,
        reply,
        (metadata) => app.grpc.liveConsultations.watchLiveQueue({ tenant: request.query.tenant ?? '' }, metadata),
        'queue',
        (message) => ({ sessions: message.sessions.map(liveSessionToRest) }),
      );
    },
  );

  app.get(
    '/:id',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '一次在线咨询的全部消息（咨询人、接待部门的工作人员、中心管理员和监察人员）',
        params: SessionParams,
        response: { 200: SessionAnswer, ...problems(400, 401, 404, 503) },
      },
    },
    async (request) => one(await call(request, 'getLiveSession', { id: request.params.id }, ID)),
  );

  app.get(
    '/:id/watch',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary:
          '跟随一次在线咨询（text/event-stream）：连接后立即发送一个 session 事件（afterSeq 之后的消息），此后每有变化' +
          '（接待、新消息、结束）发送一个只含新消息的 session 事件；结束后发送最后一个事件并关闭；出错时发送 error 事件',
        params: SessionParams,
        querystring: WatchQuery,
        response: {
          200: eventStreamResponse(
            ['session'],
            'JSON：{"session": 在线咨询（只含新消息）}，或 error 事件的 problem+json',
          ),
          ...problems(400, 401),
        },
      },
    },
    async (request, reply) => {
      await relay<complaintsV1.WatchLiveSessionResponse>(
        request,
        reply,
        (metadata) =>
          app.grpc.liveConsultations.watchLiveSession(
            { id: request.params.id, afterSeq: request.query.afterSeq ?? 0 },
            metadata,
          ),
        'session',
        (message) => ({ session: liveSessionToRest(message.session) }),
      );
    },
  );

  app.post(
    '/:id/accept',
    {
      config: { auth: { roles: SERVING } },
      schema: {
        tags,
        summary: '接待一次等待中的在线咨询（事项所属部门的工作人员或中心管理员；预约的在预约时间前10分钟起）',
        params: SessionParams,
        response: { 200: SessionAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => one(await call(request, 'acceptLiveSession', { id: request.params.id }, ID)),
  );

  app.post(
    '/:id/messages',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '在在线咨询中发送一条消息（咨询人，或接待的工作人员）',
        params: SessionParams,
        body: MessageBody,
        response: { 201: SessionAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(request, 'postLiveMessage', { id: request.params.id, text: request.body.text }, ID);
      return reply.code(201).send(one(res));
    },
  );

  app.post(
    '/:id/close',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '结束在线咨询（咨询人或接待的工作人员；再次结束不改变什么）',
        params: SessionParams,
        response: { 200: SessionAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => one(await call(request, 'closeLiveSession', { id: request.params.id }, ID)),
  );
};

export default liveConsultationRoutes;
