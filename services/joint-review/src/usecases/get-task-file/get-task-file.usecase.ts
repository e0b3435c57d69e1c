import type { Principal } from '@govhall/auth';
import type { DecisionTasks } from '../decision-tasks/decision-task.ports';
import { taskNotFound } from '../reviews/review.access';
import { requireDepartmentSystem } from '../reviews/system.access';
import { sharedFileFor, type SharedFileContent } from '../shared-view/shared-view';
import { requireIds } from '../shared-view/shared-view.access';
import type { SharedViewDeps } from '../shared-view/shared-view.ports';

/**
 * A department system fetches a file of its task's dossier: a material's file its department sees, or an attachment
 * of the review (or, for a decision task of another flow that serves its files, that flow's dossier). A task of
 * another department or tenant: TASK_NOT_FOUND; a file not in the dossier: FILE_NOT_FOUND.
 */
export function getTaskFileUseCase(deps: SharedViewDeps & { decisions?: readonly DecisionTasks[] }) {
  return async (request: { taskId: string; fileId: string }, actor: Principal): Promise<SharedFileContent> => {
    const scope = requireDepartmentSystem(actor);
    requireIds({ taskId: request.taskId, fileId: request.fileId });
    for (const flow of deps.decisions ?? []) {
      if (flow.file && (await flow.find(request.taskId))) return flow.file(request.taskId, request.fileId, scope);
    }
    const review = await deps.reviews.findByTask(request.taskId);
    const task = review?.tasks.find((t) => t.id === request.taskId);
    if (!review || !task || task.tenant !== scope.tenant || task.department !== scope.department) {
      throw taskNotFound();
    }
    return sharedFileFor(deps, review, { kind: 'department', department: scope.department }, request.fileId);
  };
}
