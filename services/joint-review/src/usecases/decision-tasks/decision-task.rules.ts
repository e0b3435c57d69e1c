import { ConcurrencyError, ForbiddenError, PreconditionError } from '@govhall/errors';
import type { Task } from '../../domain/tasks/task';

/** The caller acted on the task as it read it. */
export function checkTaskVersion(task: Task, expectedVersion: number): void {
  if (task.version !== expectedVersion) throw new ConcurrencyError('该任务已被他人修改，请刷新后重试');
}

/** Deciding needs the task claimed by this account: done or cancelled is WRONG_STATE, anyone else's NOT_ASSIGNEE. */
export function requireTaskHolder(task: Task, account: string): void {
  if (task.state === 'done' || task.state === 'cancelled') {
    throw new PreconditionError('WRONG_STATE', '该任务已办结或已取消');
  }
  if (task.state !== 'claimed' || task.assignee !== account) {
    throw new ForbiddenError('NOT_ASSIGNEE', '请先认领该任务，再提交决定');
  }
}
