import { mirrorCase, type CaseChange } from '../../domain/projects/project';
import type { Clock } from '../ports';
import type { ProjectRepository } from '../projects/project.ports';

/**
 * The case stream told a case's new status: the project holding the case records it. A case of no project, or an
 * event not newer than what the project saw, changes nothing. A concurrent write of the project is retried.
 */
export function mirrorProjectCaseUseCase(deps: { projects: ProjectRepository; clock: Clock }) {
  return async (change: CaseChange): Promise<boolean> => {
    for (let attempt = 0; ; attempt += 1) {
      const project = await deps.projects.findByCase(change.caseId);
      if (!project) return false;
      const next = mirrorCase(project, change, deps.clock.now());
      if (!next) return false;
      try {
        await deps.projects.save(next, project.version);
        return true;
      } catch (e) {
        if (attempt >= 3 || (e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
      }
    }
  };
}
