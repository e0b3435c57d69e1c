import { Metadata } from '@grpc/grpc-js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { complaintsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { pageAnswer, pageOf, queryFields } from '../../../../lib/query-fields';
import { eventStreamResponse, relayAsEventStream } from '../../../../lib/sse';
import { toProblem } from '../../../../plugins/app/problem-details';
import { LEVEL_NAMES, RATING_READERS, ratingChannel } from './ratings.enums';
import { ratedToRest } from './rated.rest';
import { replyToRest } from './rectifications.rest';
import {
  CaseRatingAnswer,
  CaseRatingParams,
  InvitationAnswer,
  InvitationParams,
  InviteRatingBody,
  RateCaseBody,
  RatingAnswer,
  RatingPage,
  RatingsQuery,
  Satisfaction,
  SatisfactionQuery,
  type Rating,
  type RatingInvitation,
} from './ratings.schemas';

const tags = ['ratings'];

export function ratingToRest(r: complaintsV1.Rating | undefined): Static<typeof Rating> {
  if (!r) throw new Error('complaints answered without a rating');
  return {
    id: r.id,
    tenant: r.tenant,
    ...ratedToRest(r),
    staff: r.staff.map((s) => ({ username: s.username, department: s.department, part: s.part })),
    recordedBy: r.recordedBy,
    hasScan: r.hasScan,
    rectificationId: r.rectificationId,
    appealUpheld: r.appealUpheld,
  };
}

function invitationToRest(i: complaintsV1.RatingInvitation): Static<typeof RatingInvitation> {
  return {
    id: i.id,
    tenant: i.tenant,
    windowId: i.windowId,
    windowNumber: i.windowNumber,
    windowName: i.windowName,
    caseId: i.caseId,
    caseNumber: i.caseNumber,
    itemName: i.itemName,
    clerkName: i.clerkName,
    invitedAt: (i.invitedAt ?? new Date(0)).toISOString(),
    expiresAt: (i.expiresAt ?? new Date(0)).toISOString(),
    rated: i.ratingId !== '',
  };
}

/** Who reads (how far each reaches is the complaints service's rule). */
const READERS = RATING_READERS;

/** The period and scope of a list or statistic query, as the RPCs take them. */
const scopeOf = (q: {
  tenant?: string;
  from: string;
  to: string;
  department?: string;
  windowId?: string;
  staff?: string;
}) => ({
  tenant: q.tenant ?? '',
  from: q.from,
  to: q.to,
  department: q.department ?? '',
  windowId: q.windowId ?? '',
  staff: q.staff ?? '',
});

/** Who invites a rating at the counter (the complaints service checks the window and the case). */
const INVITERS = ['window_clerk', 'department_head', 'center_admin'] as const;

/**
 * 好差评 of a completed case (一事一评): the applicant rates it once, online; the applicant and the staff of its
 * tenant read the rating. The complaints service owns every rule (who, when, once, the reason of a bad rating).
 */
const ratingRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number; heartbeatMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'ratings', opts.deadlineMs);
  // Open device watches end when the gateway shuts down, so that closing the server does not wait for them.
  const closing = new AbortController();
  app.addHook('preClose', async () => closing.abort());

  app.post(
    '/cases/:caseId',
    {
      config: { auth: { roles: ['applicant'] } },
      schema: {
        tags,
        summary: '评价办结的办件（一事一评：每件一次；不满意须说明理由）',
        params: CaseRatingParams,
        body: RateCaseBody,
        response: { 201: RatingAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'rateCase',
        { caseId: request.params.caseId, level: request.body.level, reason: request.body.reason ?? '' },
        { caseId: 'params.caseId' },
      );
      reply.code(201);
      return { rating: ratingToRest(res.rating) };
    },
  );

  app.get(
    '/cases/:caseId',
    {
      config: { auth: 'token' },
      schema: {
        tags,
        summary: '办件的评价（申请人本人，或本地区工作人员），差评时附整改情况',
        params: CaseRatingParams,
        response: { 200: CaseRatingAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => {
      const res = await call(request, 'getCaseRating', { caseId: request.params.caseId }, { caseId: 'params.caseId' });
      return {
        rating: ratingToRest(res.rating),
        rectification: res.rectification ? replyToRest(res.rectification) : null,
      };
    },
  );

  app.get(
    '',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary:
          '期间内的评价（新的在前）：监察、中心管理员和投诉处理人员看本地区（监察和中心管理员也可看下级地区），' +
          '部门负责人看本部门，窗口和审批人员看对本人的评价',
        querystring: RatingsQuery,
        response: { 200: RatingPage, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listRatings',
        {
          ...scopeOf(q),
          levels: q.level ? [q.level] : [],
          channels: q.channel ? [ratingChannel.toProto(q.channel)] : [],
          page: pageOf(q),
        },
        { ...queryFields('tenant', 'from', 'to', 'department', 'windowId', 'staff'), levels: 'querystring.level' },
      );
      return { ratings: res.ratings.map(ratingToRest), ...pageAnswer(res.page, res.ratings.length) };
    },
  );

  app.get(
    '/satisfaction',
    {
      config: { auth: { roles: READERS } },
      schema: {
        tags,
        summary: '满意度统计：各等级评价数、满意率、默认评价数，以及期间内办结办件的评价覆盖情况（范围同评价列表）',
        querystring: SatisfactionQuery,
        response: { 200: Satisfaction, ...problems(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'getSatisfaction',
        scopeOf(request.query),
        queryFields('tenant', 'from', 'to', 'department', 'windowId', 'staff'),
      );
      return {
        levels: res.levels.map((l) => ({
          level: l.level,
          levelName: LEVEL_NAMES[l.level] ?? '',
          count: Number(l.count),
        })),
        total: Number(res.total),
        satisfiedPer10000: Number(res.satisfiedPer10000),
        completedCases: Number(res.completedCases),
        ratedCases: Number(res.ratedCases),
        defaultRatings: Number(res.defaultRatings),
      };
    },
  );

  app.post(
    '/invitations',
    {
      config: { auth: { roles: INVITERS } },
      schema: {
        tags,
        summary: '邀请本次服务的办事人在窗口评价器上评价（一次一评）；同一窗口未评价的上一个邀请随之失效',
        body: InviteRatingBody,
        response: { 201: InvitationAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'inviteRating',
        { windowId: request.body.windowId, caseId: request.body.caseId ?? '' },
        { windowId: 'body.windowId', caseId: 'body.caseId' },
      );
      if (!res.invitation) throw new Error('complaints answered without an invitation');
      reply.code(201);
      return { invitation: invitationToRest(res.invitation) };
    },
  );

  app.get(
    '/invitations/watch',
    {
      config: { auth: { roles: ['rating_device'] } },
      schema: {
        tags,
        summary:
          '窗口评价器接收本窗口的评价邀请（text/event-stream）：连接后立即发送一个 invitation 事件（当前待评价的邀请，' +
          '没有时 invitation 为 null），此后每当邀请变化（新邀请、已评价、已失效）再发送；定时发送注释行保持连接；' +
          '出错时发送 error 事件（problem+json）后关闭。评价器账号的令牌带有其窗口编号',
        response: {
          200: eventStreamResponse(['invitation'], 'JSON：{"invitation": 邀请或 null}，或 error 事件的 problem+json'),
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      const metadata = new Metadata();
      metadata.set('authorization', request.headers.authorization!);
      const source = app.grpc.ratings.watchInvitations({}, metadata);
      await relayAsEventStream<complaintsV1.WatchInvitationsResponse>(request, reply, source, {
        heartbeatMs: opts.heartbeatMs,
        toEvent: (message) => ({
          event: 'invitation',
          data: { invitation: message.invitation ? invitationToRest(message.invitation) : null },
        }),
        toProblem: (error) => ({ ...toProblem(error), requestId: request.id }),
        signal: closing.signal,
      });
    },
  );

  app.post(
    '/invitations/:invitationId/rating',
    {
      config: { auth: { roles: ['rating_device'] } },
      schema: {
        tags,
        summary: '窗口评价器提交本次服务的评价（每次服务一次；不满意须说明理由）',
        params: InvitationParams,
        body: RateCaseBody,
        response: { 201: RatingAnswer, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => {
      const res = await call(
        request,
        'rateInvitation',
        { invitationId: request.params.invitationId, level: request.body.level, reason: request.body.reason ?? '' },
        { invitationId: 'params.invitationId' },
      );
      reply.code(201);
      return { rating: ratingToRest(res.rating) };
    },
  );
};

export default ratingRoutes;
