import { NotFoundError, UnavailableError } from '@govhall/errors';
import type { JointReview } from '../../domain/reviews/joint-review';
import {
  materialFile,
  reviewAttachments,
  sharedDossier,
  type SharedViewer,
  type TaskDossier,
} from '../../domain/reviews/shared-view';
import type { SharedViewDeps } from './shared-view.ports';

export interface SharedFileContent {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export const fileNotFound = (): NotFoundError => new NotFoundError('FILE_NOT_FOUND', '联办件中没有该文件');

/** What `viewer` sees of the review's case, read from the cases service now. */
export async function dossierFor(
  deps: Pick<SharedViewDeps, 'cases'>,
  review: JointReview,
  viewer: SharedViewer,
): Promise<TaskDossier> {
  const shared = await deps.cases.sharedCase(review.tenant, review.caseId);
  if (!shared) throw new UnavailableError('CASES_UNAVAILABLE', '办件服务没有返回该联办件的办件，请稍后重试');
  return sharedDossier(review, shared, viewer);
}

/**
 * A file `viewer` may open: an attachment of the review's opinions, decisions, conclusion or meetings' minutes, or a
 * file of a material the viewer sees (its bytes fetched from the cases service). Anything else: FILE_NOT_FOUND.
 */
export async function sharedFileFor(
  deps: SharedViewDeps,
  review: JointReview,
  viewer: SharedViewer,
  fileId: string,
): Promise<SharedFileContent> {
  const attachments = reviewAttachments(review, await deps.minutes.attachmentsOf(review.meetingIds));
  const attached = attachments.find((a) => a.id === fileId);
  if (attached) {
    const content = await deps.attachments.content(attached.id);
    if (!content) throw fileNotFound();
    return { fileName: attached.fileName, contentType: attached.contentType, content };
  }
  const file = fileId ? materialFile(await dossierFor(deps, review, viewer), fileId) : undefined;
  if (!file) throw fileNotFound();
  const content = await deps.cases.fileContent(review.tenant, review.caseId, file.id);
  return { fileName: file.fileName, contentType: file.contentType, content };
}
