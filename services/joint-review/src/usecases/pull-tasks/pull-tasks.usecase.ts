import type { Principal } from '@govhall/auth';
import { pageSize } from '@govhall/paging';
import type { JointReview } from '../../domain/reviews/joint-review';
import { dossierOf, sharedDossier, type TaskDossier } from '../../domain/reviews/shared-view';
import type { Task, TaskKind, TaskState } from '../../domain/tasks/task';
import type { DecisionTasks } from '../decision-tasks/decision-task.ports';
import { mergedTaskPage } from '../decision-tasks/merged-tasks';
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
 * claimed itself; at most 100 a page, 20 with dossiers. The joint reviews' co-review tasks and the decision tasks of
 * the other flows (`decisions`: the parent's escalation decisions) come in one list. A co-review task's dossier is
 * what its department sees of the case (J14: the applicant's base data, its marked materials, its part of the form,
 * every department's result so far), read from the cases service once per review of the page; a case the cases
 * service no longer knows gives the results only. A decision task's dossier is its flow's.
 */
export function pullTasksUseCase(deps: {
  reviews: JointReviewRepository;
  changes: TaskChangeLog;
  cases: SharedCases;
  decisions?: readonly DecisionTasks[];
}) {
  return async (request: PullTasksRequest, actor: Principal): Promise<PulledPage> => {
    const scope = requireSystemScope(actor, request);
    const size = pageSize(request.page.pageSize, { max: request.includeDossier ? 20 : 100 });
    const mine = request.states.length === 0;
    const states: TaskState[] = mine ? ['open', 'claimed'] : request.states;
    const wants = (kind: TaskKind) => request.kinds.length === 0 || request.kinds.includes(kind);
    const lastSequence = await deps.changes.latest(scope.tenant, scope.department);
    // The reviews' tasks as far as this page's end, merged with the other flows' (a department's are few).
    const merged = await mergedTaskPage(
      async (upTo) =>
        wants('co_review')
          ? deps.reviews.listTasks(
              {
                tenant: scope.tenant,
                departments: [scope.department],
                states,
                kinds: request.kinds,
                ...(mine ? { assignee: scope.account, orUnclaimedOf: [scope.department] } : {}),
              },
              { pageSize: upTo, pageToken: '' },
            )
          : { items: [], totalSize: 0, nextPageToken: '' },
      async () =>
        (await Promise.all((deps.decisions ?? []).filter((f) => wants(f.kind)).map((f) => f.list(scope, states))))
          .flat()
          .filter(({ task }) => !mine || task.state === 'open' || task.assignee === scope.account),
      { pageToken: request.page.pageToken, size },
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
      merged.items.map(async ({ task, dossier }): Promise<PulledTask> => {
        if (!request.includeDossier) return { task };
        if (dossier) return { task, dossier: await dossier() };
        const reviewDossier = await dossierOfReview(task.aggregateId);
        return reviewDossier ? { task, dossier: reviewDossier } : { task };
      }),
    );
    return { tasks, nextPageToken: merged.nextPageToken, totalSize: merged.totalSize, lastSequence };
  };
}
