import type { Principal } from '@govhall/auth';
import { sharedFileFor, type SharedFileContent } from '../shared-view/shared-view';
import { requireIds, sharedReviewFor } from '../shared-view/shared-view.access';
import type { SharedViewDeps } from '../shared-view/shared-view.ports';

/**
 * A file of the shared view (a material's file the caller sees, or an attachment of the review), to the callers of
 * GetSharedView. An id not in the review: FILE_NOT_FOUND.
 */
export function getSharedFileUseCase(deps: SharedViewDeps) {
  return async (request: { reviewId: string; fileId: string }, actor: Principal): Promise<SharedFileContent> => {
    requireIds({ reviewId: request.reviewId, fileId: request.fileId });
    const { review, viewer } = await sharedReviewFor(deps.reviews, request.reviewId, actor);
    return sharedFileFor(deps, review, viewer, request.fileId);
  };
}
