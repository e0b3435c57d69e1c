import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { getCaseRatingUseCase } from '../../usecases/ratings/get-case-rating/get-case-rating.usecase';
import type { inviteRatingUseCase } from '../../usecases/ratings/invite-rating/invite-rating.usecase';
import type { rateCaseUseCase } from '../../usecases/ratings/rate-case/rate-case.usecase';
import type { rateInvitationUseCase } from '../../usecases/ratings/rate-invitation/rate-invitation.usecase';
import type { watchInvitationsUseCase } from '../../usecases/ratings/watch-invitations/watch-invitations.usecase';
import { invitationsOf } from './invitation-stream';
import { toProtoInvitation, toProtoRating } from './rating.mapper';

export interface RatingUseCases {
  rateCase: ReturnType<typeof rateCaseUseCase>;
  getCaseRating: ReturnType<typeof getCaseRatingUseCase>;
  inviteRating: ReturnType<typeof inviteRatingUseCase>;
  watchInvitations: ReturnType<typeof watchInvitationsUseCase>;
  rateInvitation: ReturnType<typeof rateInvitationUseCase>;
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
      async (req, ctx) => ({ rating: toProtoRating(await uc.getCaseRating(req.caseId, ctx.principal)) }),
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
  };
  server.addService('govhall.complaints.v1.RatingService', complaintsV1.RatingServiceService, impl);
}
