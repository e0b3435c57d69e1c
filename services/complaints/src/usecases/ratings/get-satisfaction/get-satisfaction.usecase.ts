import type { Principal } from '@govhall/auth';
import { satisfactionOf, type Satisfaction } from '../../../domain/ratings/satisfaction';
import type { RatingRepository, ServedCaseRepository } from '../ports';
import { ratingFilterFor, type RatingReadRequest } from '../rating-reads';

/**
 * 满意度统计 (C6) of a period the caller may read (rating-reads.ts): ratings per level, the satisfied share, the
 * defaults, and how many of the cases completed in the period a person rated (C2).
 */
export function getSatisfactionUseCase(deps: { ratings: RatingRepository; served: ServedCaseRepository }) {
  return async (request: Omit<RatingReadRequest, 'levels' | 'channels'>, actor: Principal): Promise<Satisfaction> => {
    const filter = ratingFilterFor(actor, { ...request, levels: [], channels: [] });
    const [tally, coverage] = await Promise.all([deps.ratings.tally(filter), deps.served.coverage(filter)]);
    return satisfactionOf(tally, coverage);
  };
}
