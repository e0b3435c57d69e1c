import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import type { complaintsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { LEVEL_NAMES, ratingChannel } from './ratings.enums';
import { CaseRatingParams, RateCaseBody, RatingAnswer, type Rating } from './ratings.schemas';

const tags = ['ratings'];

function ratingToRest(r: complaintsV1.Rating | undefined): Static<typeof Rating> {
  if (!r) throw new Error('complaints answered without a rating');
  return {
    id: r.id,
    tenant: r.tenant,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemName: r.itemName,
    department: r.department,
    windowId: r.windowId,
    level: r.level,
    levelName: LEVEL_NAMES[r.level] ?? '',
    reason: r.reason,
    channel: ratingChannel.fromProto(r.channel) || 'online',
    realName: r.realName,
    raterName: r.raterName,
    staff: r.staff.map((s) => ({ username: s.username, department: s.department, part: s.part })),
    ratedAt: (r.ratedAt ?? new Date(0)).toISOString(),
  };
}

/**
 * 好差评 of a completed case (一事一评): the applicant rates it once, online; the applicant and the staff of its
 * tenant read the rating. The complaints service owns every rule (who, when, once, the reason of a bad rating).
 */
const ratingRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'ratings', opts.deadlineMs);

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
        summary: '办件的评价（申请人本人，或本地区工作人员）',
        params: CaseRatingParams,
        response: { 200: RatingAnswer, ...problems(400, 401, 403, 404, 503) },
      },
    },
    async (request) => ({
      rating: ratingToRest(
        (await call(request, 'getCaseRating', { caseId: request.params.caseId }, { caseId: 'params.caseId' })).rating,
      ),
    }),
  );
};

export default ratingRoutes;
