import { claimTaskUseCase } from './usecases/claim-task/claim-task.usecase';
import type { ExternalCaseEvents, SystemRequests, TaskChangeLog } from './usecases/ports';
import { reportExternalCaseEventsUseCase } from './usecases/report-external-case-events/report-external-case-events.usecase';
import { pullTasksUseCase } from './usecases/pull-tasks/pull-tasks.usecase';
import type { ReviewDeps } from './usecases/reviews/review.deps';
import { submitOpinionUseCase } from './usecases/submit-opinion/submit-opinion.usecase';
import { systemClaimTaskUseCase } from './usecases/system-claim-task/system-claim-task.usecase';
import { systemSubmitOpinionUseCase } from './usecases/system-submit-opinion/system-submit-opinion.usecase';
import { watchTasksUseCase, type WatchDeps } from './usecases/watch-tasks/watch-tasks.usecase';
import type { SharedCases } from './usecases/shared-view/shared-view.ports';

/** DepartmentSystemService's use cases, over the ones JointReviewService serves (J15). */
export function departmentSystemUseCases(
  deps: ReviewDeps,
  systems: {
    requests: SystemRequests;
    changes: TaskChangeLog;
    externalEvents: ExternalCaseEvents;
    watch: Pick<WatchDeps, 'pollMs' | 'heartbeatMs' | 'wait'>;
    /** The cases service's side of the dossiers (J14). */
    cases: SharedCases;
  },
) {
  const { requests, changes } = systems;
  return {
    pullTasks: pullTasksUseCase({ reviews: deps.reviews, changes, cases: systems.cases }),
    watchTasks: watchTasksUseCase({ changes, clock: deps.clock, ...systems.watch }),
    claimTask: systemClaimTaskUseCase({ claimTask: claimTaskUseCase(deps) }),
    submitOpinion: systemSubmitOpinionUseCase({
      submitOpinion: submitOpinionUseCase(deps),
      requests,
      clock: deps.clock,
      currentTask: async (taskId) =>
        (await deps.reviews.findByTask(taskId))?.tasks.find((t) => t.id === taskId) ?? null,
    }),
    reportExternalCaseEvents: reportExternalCaseEventsUseCase({ events: systems.externalEvents, clock: deps.clock }),
  };
}
