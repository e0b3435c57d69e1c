import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { RatingRepository, RatingScans } from '../ports';
import { mayReadRating } from '../rating-reads';

const ratingNotFound = () => new NotFoundError('RATING_NOT_FOUND', '找不到该评价');

/** A suggestion-box slip's scan, to those who reach the rating (as the lists); anyone else: not found. */
export function getRatingScanUseCase(deps: { ratings: RatingRepository; scans: RatingScans }) {
  return async (ratingId: string, actor: Principal): Promise<{ content: Buffer; contentType: string }> => {
    const rating = ratingId ? await deps.ratings.find(ratingId) : null;
    if (!rating || !mayReadRating(actor, rating)) throw ratingNotFound();
    const content = rating.scan ? await deps.scans.get(rating.id) : null;
    if (!rating.scan || !content) throw new NotFoundError('SCAN_NOT_FOUND', '该评价没有扫描件');
    return { content, contentType: rating.scan.contentType };
  };
}
