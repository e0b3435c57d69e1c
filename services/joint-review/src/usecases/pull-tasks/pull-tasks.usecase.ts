import type { Principal } from '@govhall/auth';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import { dossierOf, type TaskDossier } from '../../domain/reviews/dossier';
import { byDueDate, type Task, type TaskKind, type TaskState } from '../../domain/tasks/task';
import type { DecisionTasks } from '../decision-tasks/decision-task.ports';
import type { JointReviewRepository, TaskChangeLog } from '../ports';
import { requireSystemScope } from '../reviews/system.access';

export interface PullTasksRequest {
  tenant: string;
  department: string;
  /** Empty: OPEN, and CLAIMED by this account. */
  states: TaskState[];
  /** Empty: every kind. */
  kinds: TaskKind[];
  includeDossier: boolean;
  page: { pageSize: number; pageToken: string };
}

export interface PulledTask {
  task: Task;
  dossier?: TaskDossier;
}

export interface PulledPage {
  tasks: PulledTask[];
  nextPageToken: string;
  totalSize: number;
  /** The department's latest change sequence, read before the tasks: watching from it misses nothing. */
  lastSequence: number;
}

/**
 * A department system takes its department's tasks, earliest due first: by default the OPEN ones and those it
 * claimed itself; at most 100 a page, 20 with dossiers. The joint reviews' co-review tasks and the decision tasks of
 * the other flows (`decisions`: the parent's escalation decisions) come in one list.
 */
export function pullTasksUseCase(deps: {
  reviews: JointReviewRepository;
  changes: TaskChangeLog;
  decisions?: readonly DecisionTasks[];
}) {
  return async (request: PullTasksRequest, actor: Principal): Promise<PulledPage> => {
    const scope = requireSystemScope(actor, request);
    const size = pageSize(request.page.pageSize, { max: request.includeDossier ? 20 : 100 });
    const offset = decodePageToken(request.page.pageToken);
    const mine = request.states.length === 0;
    const states: TaskState[] = mine ? ['open', 'claimed'] : request.states;
    const wants = (kind: TaskKind) => request.kinds.length === 0 || request.kinds.includes(kind);
    const lastSequence = await deps.changes.latest(scope.tenant, scope.department);
    // The reviews' tasks as far as this page's end, merged with the other flows' (a department's are few).
    const reviewTasks = wants('co_review')
      ? await deps.reviews.listTasks(
          {
            tenant: scope.tenant,
            departments: [scope.department],
            states,
            kinds: request.kinds,
            ...(mine ? { assignee: scope.account, orUnclaimedOf: [scope.department] } : {}),
          },
          { pageSize: offset + size, pageToken: '' },
        )
      : { items: [], totalSize: 0, nextPageToken: '' };
    const others = (
      await Promise.all((deps.decisions ?? []).filter((f) => wants(f.kind)).map((f) => f.list(scope, states)))
    )
      .flat()
      .filter(({ task }) => !mine || task.state === 'open' || task.assignee === scope.account);
    const merged: PulledTask[] = [...reviewTasks.items.map((task) => ({ task })), ...others].sort((a, b) =>
      byDueDate(a.task, b.task),
    );
    const totalSize = reviewTasks.totalSize + others.length;
    const end = offset + size;
    const tasks = await Promise.all(
      merged.slice(offset, end).map(async ({ task, dossier }): Promise<PulledTask> => {
        if (!request.includeDossier) return { task };
        if (dossier) return { task, dossier };
        const review = await deps.reviews.findById(task.aggregateId);
        return review ? { task, dossier: dossierOf(review) } : { task };
      }),
    );
    return { tasks, nextPageToken: end < totalSize ? encodePageToken(end) : '', totalSize, lastSequence };
  };
}
