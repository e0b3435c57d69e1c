import type { Principal } from '@govhall/auth';
import { ValidationError } from '@govhall/errors';
import { validateHandlerName, type Task } from '../../domain/tasks/task';
import type { claimTaskUseCase } from '../claim-task/claim-task.usecase';
import { requireDepartmentSystem } from '../reviews/system.access';

/**
 * A department system claims an OPEN task of its department (or one it holds: no change), naming the person in its
 * system who takes it; the task and its leg then belong to the account.
 */
export function systemClaimTaskUseCase(deps: { claimTask: ReturnType<typeof claimTaskUseCase> }) {
  return async (
    request: { taskId: string; expectedVersion: number; handlerName: string },
    actor: Principal,
  ): Promise<Task> => {
    requireDepartmentSystem(actor);
    const violations = validateHandlerName(request.handlerName);
    if (violations.length > 0) throw new ValidationError(violations);
    return deps.claimTask(request, actor);
  };
}
