import type { Task } from './task';

/** What changed about a task, as a department's change stream tells it (WatchTasks). */
export type TaskChangeKind = 'opened' | 'assigned' | 'claimed' | 'done' | 'cancelled' | 'reopened' | 'clock';

/** One change in a (tenant, department)'s stream: sequence numbers increase, gaps are possible. */
export interface TaskChange {
  sequence: number;
  change: TaskChangeKind;
  /** The task after the change. */
  task: Task;
  at: Date;
}

/** Changes are kept this long: a cursor older than that cannot be resumed (CURSOR_EXPIRED). */
export const CHANGE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
