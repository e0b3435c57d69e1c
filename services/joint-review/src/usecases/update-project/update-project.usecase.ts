import type { Principal } from '@govhall/auth';
import { updateContent, type Project, type ProjectContent } from '../../domain/projects/project';
import type { Clock } from '../ports';
import { requireAgentOrAdmin } from '../projects/project.access';
import type { ProjectRepository } from '../projects/project.ports';
import { writeProject } from '../projects/project-write';

/** The 代办员 or the center administrator replaces an active project's content. */
export function updateProjectUseCase(deps: { projects: ProjectRepository; clock: Clock }) {
  return (
    request: { id: string; expectedVersion: number; content: ProjectContent },
    actor: Principal,
  ): Promise<Project> =>
    writeProject(deps.projects, request.id, request.expectedVersion, actor, requireAgentOrAdmin, (p) =>
      updateContent(p, request.content, deps.clock.now()),
    );
}
