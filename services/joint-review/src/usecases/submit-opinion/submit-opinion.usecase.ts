import type { Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { submitOpinion, type JointReview } from '../../domain/reviews/joint-review';
import type { OpinionKind, Task } from '../../domain/tasks/task';
import { legCalendar } from '../reviews/leg-calendar';
import { requireTaskDepartment, workerName } from '../reviews/review.access';
import { windowLeadsOf, type ReviewDeps } from '../reviews/review.deps';
import { writeTask } from '../reviews/task-write';
import { attachmentsFor } from '../attachments/use-attachments';

export interface SubmitOpinionRequest {
  taskId: string;
  expectedVersion: number;
  kind: OpinionKind | undefined;
  text: string;
  reasons: string[];
  conditions: string[];
  attachmentIds: string[];
  /** The person who decided in a department system (service accounts only). */
  handlerName?: string;
  /** A department system's idempotency key, kept with the opinion. */
  requestId?: string;
  /**
   * Whether a department system must hold the task (DepartmentSystemService: it answers what it claimed); people
   * always must.
   */
  mustHold?: boolean;
}

function notAssigneeMessage(actor: Principal, task: Task): string {
  if (actor.kind === 'service') return task.state === 'claimed' ? '该任务已由他人认领' : '请先认领该任务';
  return task.assignee ? '该任务已分派给他人' : '请先认领该任务';
}

/**
 * The department's opinion on a co-review task, given by the task's assignee (who claimed it, or the window lead it
 * was assigned to) or by the department's own system; when the stage is complete the next one opens, each task
 * assigned to its department's window lead.
 */
export function submitOpinionUseCase(
  deps: Pick<ReviewDeps, 'reviews' | 'duty' | 'calendars' | 'clock' | 'attachments'>,
) {
  return async (request: SubmitOpinionRequest, actor: Principal): Promise<{ task: Task; review: JointReview }> => {
    const { review, task } = await writeTask(
      deps.reviews,
      request.taskId,
      request.expectedVersion,
      async (r, t) => {
        const me = workerName(actor);
        if ((actor.kind === 'user' || request.mustHold) && t.assignee !== me) {
          throw new ForbiddenError('NOT_ASSIGNEE', notAssigneeMessage(actor, t));
        }
        const attachments = await attachmentsFor(deps.attachments, request.attachmentIds, actor, r.tenant, r.id);
        const waiting = r.tasks.filter((x) => x.state === 'waiting').map((x) => x.department);
        const windowLeads = await windowLeadsOf(deps, r.tenant, waiting);
        const calendar = legCalendar(await deps.calendars.forTenant(r.tenant));
        return submitOpinion(
          r,
          t.id,
          {
            opinion: {
              kind: request.kind,
              text: request.text,
              reasons: request.reasons,
              conditions: request.conditions,
            },
            attachments,
            givenBy: me,
            ...(actor.kind === 'service' && request.handlerName ? { handlerName: request.handlerName } : {}),
            source: actor.kind === 'service' ? 'department_system' : 'workbench',
            ...(actor.kind === 'service' && request.requestId ? { requestId: request.requestId } : {}),
          },
          windowLeads,
          deps.clock.now(),
          calendar,
        );
      },
      actor,
      (t) => requireTaskDepartment(actor, t),
    );
    await deps.attachments.markUsed(request.attachmentIds, review.id);
    return { review, task };
  };
}
