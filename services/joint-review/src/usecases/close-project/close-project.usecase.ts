import type { Principal } from '@govhall/auth';
import { closeProject, type Project } from '../../domain/projects/project';
import type { Clock } from '../ports';
import { requireCenterAdmin } from '../projects/project.access';
import type { ProjectRepository } from '../projects/project.ports';
import { writeProject } from '../projects/project-write';

/** The center administrator closes an active project: completed (every case ended) or closed with a reason. */
export function closeProjectUseCase(deps: { projects: ProjectRepository; clock: Clock }) {
  return (
    request: { id: string; expectedVersion: number; state: 'completed' | 'closed' | ''; reason: string },
    actor: Principal,
  ): Promise<Project> =>
    writeProject(deps.projects, request.id, request.expectedVersion, actor, requireCenterAdmin, (p) =>
      closeProject(p, request.state, request.reason, deps.clock.now()),
    );
}
