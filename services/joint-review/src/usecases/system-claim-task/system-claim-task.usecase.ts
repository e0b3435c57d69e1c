import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { validateHandlerName, type Task } from '../../domain/tasks/task';
import type { claimTaskUseCase } from '../claim-task/claim-task.usecase';
import type { DecisionTasks } from '../decision-tasks/decision-task.ports';
import { requireDepartmentSystem } from '../reviews/system.access';

/**
 * A department system claims an OPEN task of its department (or one it holds: no change), naming the person in its
 * system who takes it; the task and its leg then belong to the account. A co-review task is the joint review's, a
 * decision task its flow's (`decisions`).
 */
export function systemClaimTaskUseCase(deps: {
  claimTask: ReturnType<typeof claimTaskUseCase>;
  decisions?: readonly DecisionTasks[];
}) {
  return async (
    request: { taskId: string; expectedVersion: number; handlerName: string },
    actor: Principal,
  ): Promise<Task> => {
    const scope = requireDepartmentSystem(actor);
    const violations = validateHandlerName(request.handlerName);
    if (violations.length > 0) throw new ValidationError(violations);
    for (const flow of deps.decisions ?? []) {
      if (await flow.find(request.taskId)) return flow.claim(request, scope, actor);
    }
    return deps.claimTask(request, actor);
  };
}
