import { claimTaskUseCase } from './usecases/claim-task/claim-task.usecase';
import type { DecisionTasks } from './usecases/decision-tasks/decision-task.ports';
import type { ExternalCaseEvents, SystemRequests, TaskChangeLog } from './usecases/ports';
import { reportExternalCaseEventsUseCase } from './usecases/report-external-case-events/report-external-case-events.usecase';
import { pullTasksUseCase } from './usecases/pull-tasks/pull-tasks.usecase';
import type { ReviewDeps } from './usecases/reviews/review.deps';
import { submitOpinionUseCase } from './usecases/submit-opinion/submit-opinion.usecase';
import { systemClaimTaskUseCase } from './usecases/system-claim-task/system-claim-task.usecase';
import { systemSubmitDecisionUseCase } from './usecases/system-submit-decision/system-submit-decision.usecase';
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
    /** The other flows' decision tasks (the parent's escalation decisions). */
    decisions: readonly DecisionTasks[];
    /** The cases service's side of the dossiers (J14). */
    cases: SharedCases;
  },
) {
  const { requests, changes, decisions } = systems;
  return {
    pullTasks: pullTasksUseCase({ reviews: deps.reviews, changes, cases: systems.cases, decisions }),
    watchTasks: watchTasksUseCase({ changes, clock: deps.clock, ...systems.watch }),
    claimTask: systemClaimTaskUseCase({ claimTask: claimTaskUseCase(deps), decisions }),
    submitDecision: systemSubmitDecisionUseCase({ decisions, reviews: deps.reviews, requests, clock: deps.clock }),
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
