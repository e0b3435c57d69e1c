import { Metadata } from '@grpc/grpc-js';
import { metrics } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import type { supervisionV1 } from '@govhall/proto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { eventStreamResponse, relayAsEventStream } from '../../../../lib/sse';
import { toProblem } from '../../../../plugins/app/problem-details';
import { hallScreenOwnTenant } from '../../../../lib/hall-screen-scope';
import { HALL_SCREEN_READERS } from './roles';
import { liveUpdateToEvent } from './supervision.mapper';
import { LiveQuery } from './supervision.schemas';

const tags = ['supervision'];

const meter = metrics.getMeter('@govhall/gateway');
/** Feeds open now: each holds one WatchLive stream on the supervision service. */
const openFeeds = meter.createUpDownCounter('gateway.live.streams', {
  description: 'Live feeds (server-sent events) open now, each with its WatchLive gRPC stream',
});
/** Events relayed to browsers, by event name. */
const relayedEvents = meter.createCounter('gateway.live.events', {
  description: 'Live feed events relayed to browsers, by event',
});

/** The cookie an EventSource authenticates with (ADR 0039): scoped to the feed's path, readable by no script. */
export const LIVE_COOKIE = 'govhall_live';
/** How long the cookie lives: long enough to open the feed; an open feed stays open after it expires. */
export const LIVE_COOKIE_MAX_AGE_S = 60;
const LIVE_PATH = '/api/v1/supervision/live';

/** The value of cookie `name` in the request's Cookie header, if any. */
function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/** A bearer token as it may sit in a cookie: base64url segments (a JWT), nothing that breaks the header. */
const TOKEN = /^[A-Za-z0-9._~+/=-]{1,4096}$/;

/**
 * The live feed (ADR 0039). `POST /live/session` turns the caller's bearer token into an HttpOnly, SameSite=Strict
 * cookie valid on the feed's path alone for a minute; `GET /live` (an EventSource, which cannot send headers)
 * authenticates with that cookie, or with an Authorization header, and relays the service's WatchLive stream as
 * server-sent events: one gRPC stream per client, cancelled when the client goes.
 */
const liveRoutes: FastifyPluginAsyncTypebox<{ heartbeatMs: number; secureCookies: boolean }> = async (app, opts) => {
  // Open feeds end when the gateway shuts down, so that closing the server does not wait for them.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  // Runs before the route's own authentication hook: the cookie stands in for the missing header.
  app.addHook('onRequest', async (request) => {
    if (request.headers.authorization) return;
    const token = cookie(request, LIVE_COOKIE);
    if (token && TOKEN.test(token)) request.headers.authorization = `Bearer ${token}`;
  });

  app.post(
    '/live/session',
    {
      config: { auth: { roles: HALL_SCREEN_READERS } },
      schema: {
        tags,
        summary:
          `为实时推送（GET ${LIVE_PATH}，EventSource 无法携带 Authorization 请求头）设置登录 Cookie：` +
          `仅对该路径有效，脚本不可读取，${LIVE_COOKIE_MAX_AGE_S} 秒内须建立连接`,
        response: { 204: { description: '已设置 Cookie', type: 'null' }, ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      const attributes = [
        `Path=${LIVE_PATH}`,
        `Max-Age=${LIVE_COOKIE_MAX_AGE_S}`,
        'HttpOnly',
        'SameSite=Strict',
        ...(opts.secureCookies ? ['Secure'] : []),
      ];
      return reply
        .code(204)
        .header('set-cookie', `${LIVE_COOKIE}=${token}; ${attributes.join('; ')}`)
        .header('cache-control', 'no-store')
        .send();
    },
  );

  app.get(
    '/live',
    {
      config: { auth: { roles: HALL_SCREEN_READERS } },
      preHandler: hallScreenOwnTenant,
      schema: {
        tags,
        summary:
          '实时推送（text/event-stream）：事件 clock（计时更新）、signal_raised（信号亮起）、signal_cleared（信号解除），' +
          'data 为 JSON；定时发送注释行保持连接；出错时发送 error 事件（problem+json）后关闭。' +
          `以 Authorization 请求头或 POST ${LIVE_PATH}/session 设置的 Cookie 登录`,
        querystring: LiveQuery,
        response: {
          200: eventStreamResponse(
            ['clock', 'signal_raised', 'signal_cleared'],
            'JSON：计时、信号，或 error 事件的 problem+json',
          ),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const metadata = new Metadata();
      metadata.set('authorization', request.headers.authorization!);
      const source = app.grpc.supervision.watchLive(
        { tenant: request.query.tenant ?? '', includeSubordinates: request.query.includeSubordinates ?? false },
        metadata,
      );
      openFeeds.add(1);
      await relayAsEventStream<supervisionV1.WatchLiveResponse>(request, reply, source, {
        heartbeatMs: opts.heartbeatMs,
        toEvent: (message) => {
          const event = message.update ? liveUpdateToEvent(message.update) : undefined;
          if (event) relayedEvents.add(1, { event: event.event });
          return event;
        },
        toProblem: (error) => ({ ...toProblem(error), requestId: request.id }),
        signal: closing.signal,
      }).finally(() => openFeeds.add(-1));
    },
  );
};

export default liveRoutes;
