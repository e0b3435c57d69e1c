import type { Principal } from '@govhall/auth';
import type { TaskDossier } from '../../domain/reviews/shared-view';
import type { DecisionOutcome, Task, TaskKind, TaskState } from '../../domain/tasks/task';
import type { SystemScope } from '../reviews/system.access';
import type { SharedFileContent } from '../shared-view/shared-view';

/** A department system's decision on a decision task it claimed (DepartmentSystemService.SubmitDecision). */
export interface SystemDecision {
  taskId: string;
  expectedVersion: number;
  outcome: DecisionOutcome | undefined;
  reasons: string[];
  remedies: string[];
  documentNumber: string;
  attachmentIds: string[];
  handlerName: string;
}

/**
 * The decision tasks a department system takes besides the joint reviews' co-review tasks: the parent's
 * ESCALATION_DECISION tasks and the entrusting departments' DELEGATED_DECISION tasks (a flow holds its task on its
 * own record, not in a review).
 */
export interface DecisionTasks {
  readonly kind: TaskKind;
  /** The department's tasks in these states, with what the system sees of each case (read when asked). */
  list(
    scope: SystemScope,
    states: readonly TaskState[],
  ): Promise<{ task: Task; dossier: () => Promise<TaskDossier> }[]>;
  /** The task with this id in this flow, whatever its department (null: not this flow's). */
  find(taskId: string): Promise<Task | null>;
  claim(
    request: { taskId: string; expectedVersion: number; handlerName: string },
    scope: SystemScope,
    actor: Principal,
  ): Promise<Task>;
  decide(request: SystemDecision, scope: SystemScope, actor: Principal): Promise<Task>;
  /** A file of the task's dossier (GetTaskFile); absent: the flow's files are not served this way. */
  file?(taskId: string, fileId: string, scope: SystemScope): Promise<SharedFileContent>;
}
