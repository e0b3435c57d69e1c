import type { Principal } from '@govhall/auth';
import { assignAgent, type Project } from '../../domain/projects/project';
import type { Clock } from '../ports';
import { requireCenterAdmin } from '../projects/project.access';
import type { ProjectDirectory, ProjectRepository } from '../projects/project.ports';
import { writeProject } from '../projects/project-write';

/** The center administrator assigns (or replaces) the project's 代办员: active staff of the tenant (identity). */
export function assignAgentUseCase(deps: { projects: ProjectRepository; directory: ProjectDirectory; clock: Clock }) {
  return (request: { id: string; expectedVersion: number; username: string }, actor: Principal): Promise<Project> =>
    writeProject(deps.projects, request.id, request.expectedVersion, actor, requireCenterAdmin, async (p) => {
      const username = request.username.trim();
      const staff = username ? await deps.directory.activeStaff(p.tenant, username) : null;
      return assignAgent(p, staff, username, actor.username, deps.clock.now());
    });
}
