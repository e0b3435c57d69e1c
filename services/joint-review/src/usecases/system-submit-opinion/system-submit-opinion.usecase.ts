import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation } from '@govhall/errors';
import { validateHandlerName, validateOpinion, type Task } from '../../domain/tasks/task';
import type { Clock, SystemRequests } from '../ports';
import { requireDepartmentSystem } from '../reviews/system.access';
import type { SubmitOpinionRequest, submitOpinionUseCase } from '../submit-opinion/submit-opinion.usecase';

const MAX_REQUEST_ID = 100;

export type SystemSubmitOpinionRequest = Omit<SubmitOpinionRequest, 'mustHold'> & {
  handlerName: string;
  requestId: string;
};

function validate(request: SystemSubmitOpinionRequest): Violation[] {
  const v = [...validateOpinion(request), ...validateHandlerName(request.handlerName)];
  if (request.requestId.length > MAX_REQUEST_ID) {
    v.push({ path: 'requestId', reason: 'TOO_LONG', message: `请求标识最多${MAX_REQUEST_ID}个字符` });
  }
  return v;
}

/**
 * A department system's opinion on a co-review task it claimed (source DEPARTMENT_SYSTEM), naming the person in its
 * system who gave it. With a request id, a retry answers the first result even if the task changed since: the
 * result is looked up in the account's requests, else on the task itself (the opinion keeps its request id, written
 * with it, for a retry that comes before the request was recorded).
 */
export function systemSubmitOpinionUseCase(deps: {
  submitOpinion: ReturnType<typeof submitOpinionUseCase>;
  requests: SystemRequests;
  clock: Clock;
  /** The task as stored now (for a retry whose request was not recorded). */
  currentTask: (taskId: string) => Promise<Task | null>;
}) {
  return async (request: SystemSubmitOpinionRequest, actor: Principal): Promise<Task> => {
    const scope = requireDepartmentSystem(actor);
    const violations = validate(request);
    if (violations.length > 0) throw new ValidationError(violations);
    if (request.requestId) {
      const first = await firstResult(deps, scope.account, request);
      if (first) return first;
    }
    const { task } = await deps.submitOpinion({ ...request, mustHold: true }, actor);
    if (request.requestId) {
      await deps.requests.record(scope.account, request.requestId, { taskId: task.id, task }, deps.clock.now());
    }
    return task;
  };
}

async function firstResult(
  deps: Pick<Parameters<typeof systemSubmitOpinionUseCase>[0], 'requests' | 'currentTask'>,
  account: string,
  request: SystemSubmitOpinionRequest,
): Promise<Task | null> {
  const recorded = await deps.requests.find(account, request.requestId);
  if (recorded) {
    if (recorded.taskId !== request.taskId) {
      throw new ValidationError([
        { path: 'requestId', reason: 'DUPLICATE', message: '该请求标识已用于另一任务的审查意见' },
      ]);
    }
    return recorded.task;
  }
  const task = await deps.currentTask(request.taskId);
  const opinion = task?.opinion;
  const answered = task?.state === 'done' && opinion?.requestId === request.requestId && opinion.givenBy === account;
  return answered ? task : null;
}
