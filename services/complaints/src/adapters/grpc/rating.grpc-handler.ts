import { ValidationError } from '@govhall/errors';
import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { getCaseRatingUseCase } from '../../usecases/ratings/get-case-rating/get-case-rating.usecase';
import type { getSatisfactionUseCase } from '../../usecases/ratings/get-satisfaction/get-satisfaction.usecase';
import type { getRatingScanUseCase } from '../../usecases/ratings/get-rating-scan/get-rating-scan.usecase';
import type { listRatingsUseCase } from '../../usecases/ratings/list-ratings/list-ratings.usecase';
import type { recordRatingUseCase } from '../../usecases/ratings/record-rating/record-rating.usecase';
import type { inviteRatingUseCase } from '../../usecases/ratings/invite-rating/invite-rating.usecase';
import type { rateCaseUseCase } from '../../usecases/ratings/rate-case/rate-case.usecase';
import type { rateInvitationUseCase } from '../../usecases/ratings/rate-invitation/rate-invitation.usecase';
import type { watchInvitationsUseCase } from '../../usecases/ratings/watch-invitations/watch-invitations.usecase';
import type { RatingChannel } from '../../domain/ratings/rating';
import { invitationsOf } from './invitation-stream';
import { ratingChannel, toProtoInvitation, toProtoRating } from './rating.mapper';
import { toProtoReply } from './rectification.mapper';

export interface RatingUseCases {
  rateCase: ReturnType<typeof rateCaseUseCase>;
  getCaseRating: ReturnType<typeof getCaseRatingUseCase>;
  inviteRating: ReturnType<typeof inviteRatingUseCase>;
  watchInvitations: ReturnType<typeof watchInvitationsUseCase>;
  rateInvitation: ReturnType<typeof rateInvitationUseCase>;
  listRatings: ReturnType<typeof listRatingsUseCase>;
  getSatisfaction: ReturnType<typeof getSatisfactionUseCase>;
  recordRating: ReturnType<typeof recordRatingUseCase>;
  getRatingScan: ReturnType<typeof getRatingScanUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** govhall.complaints.v1.RatingService: proto ⇄ use case. */
export function registerRatingService(server: GrpcServer, uc: RatingUseCases): void {
  const impl: complaintsV1.RatingServiceServer = {
    rateCase: server.unary<complaintsV1.RateCaseRequest, complaintsV1.RateCaseResponse>(
      'RateCase',
      async (req, ctx) => {
        const rating = await uc.rateCase({ caseId: req.caseId, level: req.level, reason: req.reason }, ctx.principal);
        uc.afterWrite();
        return { rating: toProtoRating(rating) };
      },
    ),
    getCaseRating: server.unary<complaintsV1.GetCaseRatingRequest, complaintsV1.GetCaseRatingResponse>(
      'GetCaseRating',
      async (req, ctx) => {
        const { rating, rectification } = await uc.getCaseRating(req.caseId, ctx.principal);
        return {
          rating: toProtoRating(rating),
          rectification: rectification ? toProtoReply(rectification) : undefined,
        };
      },
    ),
    inviteRating: server.unary<complaintsV1.InviteRatingRequest, complaintsV1.InviteRatingResponse>(
      'InviteRating',
      async (req, ctx) => {
        const invitation = await uc.inviteRating({ windowId: req.windowId, caseId: req.caseId }, ctx.principal);
        return { invitation: toProtoInvitation(invitation) };
      },
    ),
    watchInvitations: server.serverStream<complaintsV1.WatchInvitationsRequest, complaintsV1.WatchInvitationsResponse>(
      'WatchInvitations',
      async function* (_req, ctx) {
        const watch = (send: Parameters<RatingUseCases['watchInvitations']>[1]) =>
          uc.watchInvitations(ctx.principal, send);
        for await (const invitation of invitationsOf(watch, ctx.signal)) {
          yield invitation ? { invitation: toProtoInvitation(invitation) } : {};
        }
      },
    ),
    rateInvitation: server.unary<complaintsV1.RateInvitationRequest, complaintsV1.RateInvitationResponse>(
      'RateInvitation',
      async (req, ctx) => {
        const rating = await uc.rateInvitation(
          { invitationId: req.invitationId, level: req.level, reason: req.reason },
          ctx.principal,
        );
        uc.afterWrite();
        return { rating: toProtoRating(rating) };
      },
    ),
    listRatings: server.unary<complaintsV1.ListRatingsRequest, complaintsV1.ListRatingsResponse>(
      'ListRatings',
      async (req, ctx) => {
        const page = await uc.listRatings(
          {
            ...scopeOf(req),
            levels: req.levels.map(Number),
            channels: channelsOf(req.channels),
            pageSize: req.page?.pageSize ?? 0,
            pageToken: req.page?.pageToken ?? '',
          },
          ctx.principal,
        );
        return {
          ratings: page.ratings.map(toProtoRating),
          page: { nextPageToken: page.nextPageToken, total: page.total },
        };
      },
    ),
    getSatisfaction: server.unary<complaintsV1.GetSatisfactionRequest, complaintsV1.GetSatisfactionResponse>(
      'GetSatisfaction',
      async (req, ctx) => {
        const s = await uc.getSatisfaction(scopeOf(req), ctx.principal);
        return {
          levels: s.levels.map((l) => ({ level: l.level as number as complaintsV1.RatingLevel, count: l.count })),
          total: s.total,
          satisfiedPer10000: s.satisfiedPer10000,
          completedCases: s.completedCases,
          ratedCases: s.ratedCases,
          defaultRatings: s.defaultRatings,
        };
      },
    ),
    recordRating: server.unary<complaintsV1.RecordRatingRequest, complaintsV1.RecordRatingResponse>(
      'RecordRating',
      async (req, ctx) => {
        const rating = await uc.recordRating(
          {
            caseId: req.caseId,
            caseNumber: req.caseNumber,
            channel: ratingChannel.fromProto(req.channel) as RatingChannel | '',
            level: req.level,
            reason: req.reason,
            scan: Buffer.from(req.scan),
          },
          ctx.principal,
        );
        uc.afterWrite();
        return { rating: toProtoRating(rating) };
      },
    ),
    getRatingScan: server.unary<complaintsV1.GetRatingScanRequest, complaintsV1.GetRatingScanResponse>(
      'GetRatingScan',
      async (req, ctx) => uc.getRatingScan(req.ratingId, ctx.principal),
    ),
  };
  server.addService('govhall.complaints.v1.RatingService', complaintsV1.RatingServiceService, impl);
}

/** The period and scope fields ListRatings and GetSatisfaction share. */
function scopeOf(req: complaintsV1.GetSatisfactionRequest) {
  return {
    tenant: req.tenant,
    from: req.from,
    to: req.to,
    department: req.department,
    windowId: req.windowId,
    staff: req.staff,
  };
}

/** The channels asked for; an unknown or unspecified one is a bad request, not "any channel". */
function channelsOf(channels: complaintsV1.RatingChannel[]): RatingChannel[] {
  // fromProto answers '' for UNSPECIFIED or an unknown value.
  const known = channels.map((c) => ratingChannel.fromProto(c) as RatingChannel | '');
  if (known.some((c) => c === '')) {
    throw new ValidationError([{ path: 'channels', reason: 'INVALID', message: '评价渠道无效' }]);
  }
  return known as RatingChannel[];
}
