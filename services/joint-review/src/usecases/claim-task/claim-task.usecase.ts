import type { Principal } from '@govhall/auth';
import { claimTask } from '../../domain/reviews/joint-review';
import type { Task } from '../../domain/tasks/task';
import type { Clock, JointReviewRepository } from '../ports';
import { requireTaskDepartment, workerName } from '../reviews/review.access';
import { writeTask } from '../reviews/task-write';

/** Staff of the task's department (or its system) take an open task; their own claim again changes nothing. */
export function claimTaskUseCase(deps: { reviews: JointReviewRepository; clock: Clock }) {
  return async (
    request: {
      taskId: string;
      expectedVersion: number;
      /** The person a department system names (DepartmentSystemService.ClaimTask). */
      handlerName?: string;
    },
    actor: Principal,
  ): Promise<Task> => {
    const { task } = await writeTask(
      deps.reviews,
      request.taskId,
      request.expectedVersion,
      (review, t) => {
        return claimTask(review, t.id, workerName(actor), deps.clock.now(), request.handlerName);
      },
      actor,
      (t) => requireTaskDepartment(actor, t),
    );
    return task;
  };
}
