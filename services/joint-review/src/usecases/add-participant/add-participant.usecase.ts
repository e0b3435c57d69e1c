import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { addParticipant, type JointReview } from '../../domain/reviews/joint-review';
import type { Task } from '../../domain/tasks/task';
import { legCalendar } from '../reviews/leg-calendar';
import { requireLead, reviewNotFound } from '../reviews/review.access';
import type { ReviewDeps } from '../reviews/review.deps';

export interface AddParticipantRequest {
  reviewId: string;
  expectedVersion: number;
  participant: {
    department: string;
    stage: number;
    budgetWorkingDays: number;
    required: boolean;
    /** J11: its part of the form (dotted paths) and its marked materials; empty: all. */
    formFields?: string[];
    materialIds?: string[];
  };
  reason: string;
}

/**
 * The lead adds a department of the review's tenant (asked of identity) that does not take part yet, in the current
 * stage (its task opens at once, assigned to its window lead) or a later one.
 */
export function addParticipantUseCase(deps: Pick<ReviewDeps, 'reviews' | 'duty' | 'calendars' | 'clock' | 'ids'>) {
  return async (request: AddParticipantRequest, actor: Principal): Promise<{ review: JointReview; task: Task }> => {
    const review = await deps.reviews.findById(request.reviewId);
    if (!review) throw reviewNotFound();
    requireLead(actor, review, await deps.duty.windowResponsible(review.tenant, review.leadWindowId));
    if (review.version !== request.expectedVersion) throw new ConcurrencyError('联办件已被他人修改，请刷新后重试');
    const department = request.participant.department.trim();
    // Departments are "<tenant>-<abbreviation>": another tenant's is unknown without asking.
    const departmentKnown =
      department.startsWith(`${review.tenant}-`) && (await deps.duty.hasDepartment(review.tenant, department));
    const windowLead = departmentKnown ? await deps.duty.windowLead(review.tenant, department) : '';
    const calendar = legCalendar(await deps.calendars.forTenant(review.tenant));
    const taskId = deps.ids.newId();
    const change = addParticipant(
      review,
      {
        participant: { ...request.participant, department },
        reason: request.reason,
        departmentKnown,
        windowLead,
        taskId,
        by: actor.username,
      },
      deps.clock.now(),
      calendar,
    );
    const saved = await deps.reviews.save(change.review, review.version, change.events, actor);
    return { review: saved, task: saved.tasks.find((t) => t.id === taskId)! };
  };
}
