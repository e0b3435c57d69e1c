import type { Principal } from '@govhall/auth';
import { assignTask } from '../../domain/reviews/joint-review';
import type { Task } from '../../domain/tasks/task';
import type { Clock, Duty, JointReviewRepository } from '../ports';
import {
  isActiveDepartmentStaff,
  isDepartmentHead,
  requireDepartmentLead,
  requireTaskDepartment,
} from '../reviews/review.access';
import { writeTask } from '../reviews/task-write';

export interface AssignTaskRequest {
  taskId: string;
  expectedVersion: number;
  /** Username of active staff of the task's department. */
  assignee: string;
  note: string;
}

/**
 * The department's head or window lead assigns an open or claimed task to active staff of the department (asked of
 * identity); the leg's responsible changes, its clock does not.
 */
export function assignTaskUseCase(deps: { reviews: JointReviewRepository; duty: Duty; clock: Clock }) {
  return async (request: AssignTaskRequest, actor: Principal): Promise<Task> => {
    const { task } = await writeTask(
      deps.reviews,
      request.taskId,
      request.expectedVersion,
      async (review, t) => {
        const windowLead = isDepartmentHead(actor, t) ? '' : await deps.duty.windowLead(t.tenant, t.department);
        requireDepartmentLead(actor, t, windowLead);
        const assignee = request.assignee.trim();
        const staff = assignee ? await deps.duty.departmentStaff(t.tenant, t.department, assignee) : null;
        return assignTask(
          review,
          t.id,
          { assignee, assigneeKnown: isActiveDepartmentStaff(staff, t.department), note: request.note },
          deps.clock.now(),
        );
      },
      actor,
      (t) => requireTaskDepartment(actor, t),
    );
    return task;
  };
}
