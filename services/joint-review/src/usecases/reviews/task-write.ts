import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ValidationError } from '@govhall/errors';
import type { Change, JointReview } from '../../domain/reviews/joint-review';
import type { Task } from '../../domain/tasks/task';
import type { JointReviewRepository } from '../ports';
import { taskNotFound } from './review.access';

/**
 * A write on one task of a review. Tasks carry their own version, so departments working in parallel on one review
 * do not refuse each other: the caller's `expectedVersion` is checked against the task, and a conflict on the review
 * document (another department's write in between) is retried on the fresh review.
 */
export async function writeTask(
  reviews: JointReviewRepository,
  taskId: string,
  expectedVersion: number,
  act: (review: JointReview, task: Task) => Promise<Change> | Change,
  actor: Principal,
  /** Throws when the actor may not see the task (checked before its version, so an outsider learns nothing). */
  see: (task: Task) => void,
  attempts = 5,
): Promise<{ review: JointReview; task: Task }> {
  for (let attempt = 1; ; attempt++) {
    const review = await reviews.findByTask(taskId);
    const task = review?.tasks.find((t) => t.id === taskId);
    if (!review || !task) throw taskNotFound();
    see(task);
    if (task.version !== expectedVersion) throw new ConcurrencyError('该审查任务已被他人修改，请刷新后重试');
    const change = await act(review, task);
    if (change.events.length === 0) return { review, task };
    try {
      const saved = await reviews.save(change.review, review.version, change.events, actor);
      return { review: saved, task: saved.tasks.find((t) => t.id === taskId)! };
    } catch (e) {
      if (!(e instanceof ConcurrencyError) || attempt >= attempts) throw e;
    }
  }
}

/**
 * Attachments are uploaded first and then named by id (UploadAttachment); this service stores none yet, so every id
 * named is one the caller did not upload.
 */
export function requireKnownAttachments(ids: readonly string[], path = 'attachmentIds'): void {
  if (ids.length > 0) {
    throw new ValidationError(
      ids.map((_, i) => ({ path: `${path}.${i}`, reason: 'ATTACHMENT_UNKNOWN', message: '找不到该附件，请先上传' })),
    );
  }
}
