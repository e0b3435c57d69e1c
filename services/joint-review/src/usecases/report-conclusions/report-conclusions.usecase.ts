import { ConcurrencyError } from '@govhall/errors';
import { markReported, type JointReview } from '../../domain/reviews/joint-review';
import type { CasesPort, Clock, JointReviewRepository } from '../ports';

/**
 * Reports concluded reviews to the cases service (ApplicationsService.ConcludeJointReview) until it accepts them.
 * `one` tries a review now and answers the stored review once reported (undefined when the cases service did not
 * accept it yet); `pending` retries every unreported conclusion, oldest first (run on a timer and at start-up).
 */
export function reportConclusionsUseCase(deps: {
  reviews: JointReviewRepository;
  cases: CasesPort;
  clock: Clock;
  onError?: (review: JointReview, error: unknown) => void;
}) {
  async function one(review: JointReview): Promise<JointReview | undefined> {
    try {
      await deps.cases.concludeJointReview(review);
    } catch (e) {
      deps.onError?.(review, e);
      return undefined;
    }
    const change = markReported(review, deps.clock.now());
    if (change.events.length === 0) return review;
    try {
      return await deps.reviews.save(change.review, review.version, change.events);
    } catch (e) {
      // Someone else marked it first (the timer and the request): the stored review says so.
      if (e instanceof ConcurrencyError) return (await deps.reviews.findById(review.id)) ?? undefined;
      throw e;
    }
  }
  async function pending(limit = 50): Promise<number> {
    let reported = 0;
    for (const review of await deps.reviews.listUnreported(limit)) {
      if (await one(review)) reported++;
    }
    return reported;
  }
  return { one, pending };
}
