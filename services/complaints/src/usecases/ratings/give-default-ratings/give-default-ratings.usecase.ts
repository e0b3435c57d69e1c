import { chinaDate } from '@govhall/identifiers';
import { defaultRating } from '../../../domain/ratings/rating';
import { dueForDefault, ratedCase } from '../../../domain/ratings/served-case';
import type { Clock, IdGenerator } from '../../ports';
import type { RatingRepository, ServedCaseRepository } from '../ports';

/** Cases handled per pass (the next pass takes the rest). */
const BATCH = 200;

/**
 * The sweep: every completed case nobody rated by its default day gets 基本满意 (channel default). A case rated
 * meanwhile keeps its rating (the insert is refused and the case is marked with the rating it has). Answers how many
 * defaults were given.
 */
export function giveDefaultRatingsUseCase(deps: {
  served: ServedCaseRepository;
  ratings: RatingRepository;
  clock: Clock;
  ids: IdGenerator;
}) {
  return async (): Promise<number> => {
    const now = deps.clock.now();
    const today = chinaDate(now);
    let given = 0;
    for (const c of await deps.served.dueForDefault(today, BATCH)) {
      if (!dueForDefault(c, today)) continue;
      const { rating, events } = defaultRating(ratedCase(c), deps.ids.newId(), now);
      if (await deps.ratings.insert(rating, events, undefined)) {
        given += 1;
        await deps.served.markRated(c.caseId, rating);
      } else {
        const existing = await deps.ratings.findByCase(c.caseId);
        if (existing) await deps.served.markRated(c.caseId, existing);
      }
    }
    return given;
  };
}
