import type { Principal } from '@govhall/auth';
import { pageSize } from '@govhall/paging';
import type { JointReview } from '../../domain/reviews/joint-review';
import { dossierOf, sharedDossier, type TaskDossier } from '../../domain/reviews/shared-view';
import type { Task, TaskKind, TaskState } from '../../domain/tasks/task';
import type { JointReviewRepository, TaskChangeLog } from '../ports';
import { requireSystemScope } from '../reviews/system.access';
import type { SharedCases } from '../shared-view/shared-view.ports';

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
 * claimed itself; at most 100 a page, 20 with dossiers. A dossier is what its department sees of the case (J14: the
 * applicant's base data, its marked materials, its part of the form, every department's result so far), read from
 * the cases service once per review of the page; a case the cases service no longer knows gives the results only.
 */
export function pullTasksUseCase(deps: { reviews: JointReviewRepository; changes: TaskChangeLog; cases: SharedCases }) {
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
    const dossiers = new Map<string, Promise<TaskDossier | undefined>>();
    const dossierOfReview = (reviewId: string) => {
      if (!dossiers.has(reviewId)) dossiers.set(reviewId, readDossier(reviewId));
      return dossiers.get(reviewId)!;
    };
    const readDossier = async (reviewId: string): Promise<TaskDossier | undefined> => {
      const review = await deps.reviews.findById(reviewId);
      return review ? departmentDossier(review) : undefined;
    };
    const departmentDossier = async (review: JointReview): Promise<TaskDossier> => {
      const shared = await deps.cases.sharedCase(review.tenant, review.caseId);
      return shared
        ? sharedDossier(review, shared, { kind: 'department', department: scope.department })
        : dossierOf(review);
    };
    const tasks = await Promise.all(
      page.items.map(async (task): Promise<PulledTask> => {
        if (!request.includeDossier) return { task };
        const dossier = await dossierOfReview(task.aggregateId);
        return dossier ? { task, dossier } : { task };
      }),
    );
    return { tasks, nextPageToken: page.nextPageToken, totalSize: page.totalSize, lastSequence };
  };
}
