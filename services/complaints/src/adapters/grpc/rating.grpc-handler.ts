import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { getCaseRatingUseCase } from '../../usecases/ratings/get-case-rating/get-case-rating.usecase';
import type { rateCaseUseCase } from '../../usecases/ratings/rate-case/rate-case.usecase';
import { toProtoRating } from './rating.mapper';

export interface RatingUseCases {
  rateCase: ReturnType<typeof rateCaseUseCase>;
  getCaseRating: ReturnType<typeof getCaseRatingUseCase>;
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
  };
  server.addService('govhall.complaints.v1.RatingService', complaintsV1.RatingServiceService, impl);
}
