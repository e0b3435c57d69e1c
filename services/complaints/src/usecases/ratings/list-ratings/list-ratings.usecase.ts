import type { Principal } from '@govhall/auth';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { Rating } from '../../../domain/ratings/rating';
import type { RatingRepository } from '../ports';
import { ratingFilterFor, type RatingReadRequest } from '../rating-reads';

/** The ratings of a period the caller may read (rating-reads.ts), newest first, a page at a time. */
export function listRatingsUseCase(deps: { ratings: RatingRepository }) {
  return async (
    request: RatingReadRequest & { pageSize?: number; pageToken?: string },
    actor: Principal,
  ): Promise<{ ratings: Rating[]; total: number; nextPageToken: string }> => {
    const filter = ratingFilterFor(actor, request);
    const size = pageSize(request.pageSize, { max: 100, defaultSize: 20 });
    const offset = decodePageToken(request.pageToken);
    const { ratings, total } = await deps.ratings.list(filter, offset, size);
    const next = offset + ratings.length;
    return { ratings, total, nextPageToken: next < total ? encodePageToken(next) : '' };
  };
}
