import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { reopenTask, type JointReview } from '../../domain/reviews/joint-review';
import { legCalendar } from '../reviews/leg-calendar';
import { requireLead, taskNotFound } from '../reviews/review.access';
import type { ReviewDeps } from '../reviews/review.deps';

export interface ReopenTaskRequest {
  taskId: string;
  /** The review's version (the lead's write). */
  expectedVersion: number;
  reason: string;
  budgetWorkingDays: number;
}

/**
 * 协调后重新审查: the lead reopens a department's DONE co-review task with a new budget and a new leg, assigned to
 * the department's window lead (J5). Outsiders are told the task does not exist.
 */
export function reopenTaskUseCase(deps: Pick<ReviewDeps, 'reviews' | 'duty' | 'calendars' | 'clock'>) {
  return async (request: ReopenTaskRequest, actor: Principal): Promise<JointReview> => {
    const review = await deps.reviews.findByTask(request.taskId);
    const task = review?.tasks.find((t) => t.id === request.taskId);
    if (!review || !task) throw taskNotFound();
    requireLead(actor, review, await deps.duty.windowResponsible(review.tenant, review.leadWindowId), taskNotFound);
    if (review.version !== request.expectedVersion) throw new ConcurrencyError('联办件已被他人修改，请刷新后重试');
    const windowLead = await deps.duty.windowLead(review.tenant, task.department);
    const calendar = legCalendar(await deps.calendars.forTenant(review.tenant));
    const change = reopenTask(
      review,
      task.id,
      {
        reason: request.reason,
        budgetWorkingDays: request.budgetWorkingDays,
        windowLead,
        by: actor.username,
      },
      deps.clock.now(),
      calendar,
    );
    return deps.reviews.save(change.review, review.version, change.events, actor);
  };
}
