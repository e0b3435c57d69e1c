import { cancelJointReview, type JointReview } from '../../domain/reviews/joint-review';
import type { Clock, JointReviewRepository } from '../ports';

/**
 * The case ended while its review ran (the applicant withdrew, the center voided it): the review is cancelled and
 * every open task with it, so no department keeps working and supervision closes their legs unjudged. A review
 * already concluded or cancelled, or a case without one, changes nothing.
 */
export function cancelJointReviewUseCase(deps: { reviews: JointReviewRepository; clock: Clock }) {
  return async (tenant: string, caseId: string, reason: string, at?: Date): Promise<JointReview | null> => {
    const review = await deps.reviews.findByCase(tenant, caseId);
    if (!review) return null;
    const change = cancelJointReview(review, reason, at ?? deps.clock.now());
    if (change.events.length === 0) return review;
    return deps.reviews.save(change.review, review.version, change.events);
  };
}
