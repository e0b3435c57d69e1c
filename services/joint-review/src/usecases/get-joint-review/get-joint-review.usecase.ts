import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { JointReviewRepository } from '../ports';
import { maySee, reviewNotFound } from '../reviews/review.access';

/** A review by id or by case, for its participants, the center and supervisors; to anyone else it does not exist. */
export function getJointReviewUseCase(deps: { reviews: JointReviewRepository }) {
  return async (request: { id: string; caseId: string }, actor: Principal): Promise<JointReview> => {
    if (!request.id && !request.caseId) {
      throw new ValidationError([{ path: 'id', reason: 'REQUIRED', message: '请指定联办件编号或办件编号' }]);
    }
    const review = request.id
      ? await deps.reviews.findById(request.id)
      : await deps.reviews.findByCase(actor.tenant, request.caseId);
    if (!review || !maySee(actor, review)) throw reviewNotFound();
    return review;
  };
}
