import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation } from '@govhall/errors';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { SharedViewer } from '../../domain/reviews/shared-view';
import { isCenter, isParticipant, reviewNotFound } from '../reviews/review.access';
import type { JointReviewRepository } from '../ports';

/** Ids a request names: each REQUIRED (nothing is read before they are given). */
export function requireIds(ids: Record<string, string>): void {
  const v: Violation[] = Object.entries(ids)
    .filter(([, value]) => value.trim() === '')
    .map(([path]) => ({ path, reason: 'REQUIRED', message: path === 'fileId' ? '请指定文件编号' : '请指定编号' }));
  if (v.length > 0) throw new ValidationError(v);
}

/**
 * The review and how `actor` sees it: the center (center_admin of the tenant) sees the whole case, a participant
 * (staff of the lead or of a department with a task) its department's share; to anyone else — supervisors too: they
 * read the review, not the applicant's data — it does not exist.
 */
export async function sharedReviewFor(
  reviews: JointReviewRepository,
  reviewId: string,
  actor: Principal,
): Promise<{ review: JointReview; viewer: SharedViewer }> {
  const review = await reviews.findById(reviewId);
  if (review && isCenter(actor, review.tenant)) return { review, viewer: { kind: 'whole' } };
  if (review && isParticipant(actor, review)) {
    return { review, viewer: { kind: 'department', department: actor.department! } };
  }
  throw reviewNotFound();
}
