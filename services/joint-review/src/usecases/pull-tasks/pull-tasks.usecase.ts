import type { Principal } from '@govhall/auth';
import { pageSize } from '@govhall/paging';
import { dossierOf, type TaskDossier } from '../../domain/reviews/dossier';
import type { Task, TaskKind, TaskState } from '../../domain/tasks/task';
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
 * claimed itself; at most 100 a page, 20 with dossiers.
 */
export function pullTasksUseCase(deps: { reviews: JointReviewRepository; changes: TaskChangeLog }) {
  return async (request: PullTasksRequest, actor: Principal): Promise<PulledPage> => {
    const scope = requireSystemScope(actor, request);
    const size = pageSize(request.page.pageSize, { max: request.includeDossier ? 20 : 100 });
    const mine = request.states.length === 0;
    const lastSequence = await deps.changes.latest(scope.tenant, scope.department);
    const page = await deps.reviews.listTasks(
      {
        tenant: scope.tenant,
        departments: [scope.department],
        states: mine ? ['open', 'claimed'] : request.states,
        kinds: request.kinds,
        ...(mine ? { assignee: scope.account, orUnclaimedOf: [scope.department] } : {}),
      },
      { pageSize: size, pageToken: request.page.pageToken },
    );
    const tasks = await Promise.all(
      page.items.map(async (task): Promise<PulledTask> => {
        if (!request.includeDossier) return { task };
        const review = await deps.reviews.findById(task.aggregateId);
        return review ? { task, dossier: dossierOf(review) } : { task };
      }),
    );
    return { tasks, nextPageToken: page.nextPageToken, totalSize: page.totalSize, lastSequence };
  };
}
