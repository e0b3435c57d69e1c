import type { Principal } from '@govhall/auth';
import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { validateHandlerName, type Task } from '../../domain/tasks/task';
import type { DecisionTasks, SystemDecision } from '../decision-tasks/decision-task.ports';
import type { Clock, JointReviewRepository, SystemRequests } from '../ports';
import { taskNotFound } from '../reviews/review.access';
import { requireDepartmentSystem } from '../reviews/system.access';

const MAX_REQUEST_ID = 100;
const MAX_ATTACHMENTS = 20;

export type SystemSubmitDecisionRequest = SystemDecision & { requestId: string };

function validate(request: SystemSubmitDecisionRequest): Violation[] {
  const v = validateHandlerName(request.handlerName);
  if (request.requestId.length > MAX_REQUEST_ID) {
    v.push({ path: 'requestId', reason: 'TOO_LONG', message: `请求标识最多${MAX_REQUEST_ID}个字符` });
  }
  if (request.attachmentIds.length > MAX_ATTACHMENTS) {
    v.push({ path: 'attachmentIds', reason: 'TOO_MANY', message: `附件最多${MAX_ATTACHMENTS}个` });
  }
  return v;
}

/**
 * A department system's decision on a decision task it claimed (J15): the flow holding the task decides it (the
 * parent's escalation decision flows down to the lower center). A co-review task is WRONG_TASK_KIND (its answer is
 * an opinion). With a request id, a retry answers the first result even if the task changed since.
 */
export function systemSubmitDecisionUseCase(deps: {
  decisions: readonly DecisionTasks[];
  reviews: Pick<JointReviewRepository, 'findByTask'>;
  requests: SystemRequests;
  clock: Clock;
}) {
  return async (request: SystemSubmitDecisionRequest, actor: Principal): Promise<Task> => {
    const scope = requireDepartmentSystem(actor);
    const violations = validate(request);
    if (violations.length > 0) throw new ValidationError(violations);
    if (request.requestId) {
      const recorded = await deps.requests.find(scope.account, request.requestId);
      if (recorded && recorded.taskId !== request.taskId) {
        throw new ValidationError([
          { path: 'requestId', reason: 'DUPLICATE', message: '该请求标识已用于另一任务的决定' },
        ]);
      }
      if (recorded) return recorded.task;
    }
    for (const flow of deps.decisions) {
      if (!(await flow.find(request.taskId))) continue;
      const task = await flow.decide(request, scope, actor);
      if (request.requestId) {
        await deps.requests.record(scope.account, request.requestId, { taskId: task.id, task }, deps.clock.now());
      }
      return task;
    }
    const review = request.taskId ? await deps.reviews.findByTask(request.taskId) : null;
    const task = review?.tasks.find((t) => t.id === request.taskId);
    if (task && task.tenant === scope.tenant && task.department === scope.department) {
      throw new PreconditionError('WRONG_TASK_KIND', '联办审查任务请提交审查意见（SubmitOpinion），不能提交决定');
    }
    throw taskNotFound();
  };
}
