import type { Principal } from '@govhall/auth';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { TaskDossier } from '../../domain/reviews/shared-view';
import { dossierFor } from '../shared-view/shared-view';
import { requireIds, sharedReviewFor } from '../shared-view/shared-view.access';
import type { SharedViewDeps } from '../shared-view/shared-view.ports';

/**
 * J14 / J11: the shared view of a joint case — the applicant's base data, the materials, the caller's part of the
 * form (every part for the lead and the center) and each department's result so far — read from the cases service
 * now, to the review's participants and the center.
 */
export function getSharedViewUseCase(deps: Pick<SharedViewDeps, 'reviews' | 'cases'>) {
  return async (
    request: { reviewId: string },
    actor: Principal,
  ): Promise<{ review: JointReview; dossier: TaskDossier }> => {
    requireIds({ reviewId: request.reviewId });
    const { review, viewer } = await sharedReviewFor(deps.reviews, request.reviewId, actor);
    return { review, dossier: await dossierFor(deps, review, viewer) };
  };
}
