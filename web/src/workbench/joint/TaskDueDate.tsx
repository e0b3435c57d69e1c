import { Tag } from 'antd';
import type { JointTask } from '../../api/types';
import { taskDue } from './joint-duty';

/** A task's due date in a table, marked 已超期 or 今日到期 while it waits for its answer. */
export function TaskDueDate({ task, today }: { task: Pick<JointTask, 'state' | 'dueDate'>; today: string }) {
  const due = taskDue(task, today);
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{task.dueDate ?? '—'}</span>
      {due ? (
        <Tag color={due.color} style={{ marginLeft: 4 }}>
          {due.text}
        </Tag>
      ) : null}
    </>
  );
}
