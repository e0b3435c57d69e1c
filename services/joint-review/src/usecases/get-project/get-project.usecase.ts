import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Project } from '../../domain/projects/project';
import { progressOf, type ProjectProgress } from '../../domain/projects/project-progress';
import type { Clock } from '../ports';
import { projectNotFound, requireReader } from '../projects/project.access';
import type { ProjectRepository } from '../projects/project.ports';

/** One project, for staff of its tenant and supervisors. */
export function getProjectUseCase(deps: { projects: ProjectRepository }) {
  return async (id: string, actor: Principal): Promise<Project> => {
    const project = await deps.projects.findById(id);
    if (!project) throw projectNotFound();
    requireReader(actor, project);
    return project;
  };
}

/** The project's progress view as of today in China, for staff of its tenant and supervisors. */
export function getProjectProgressUseCase(deps: { projects: ProjectRepository; clock: Clock }) {
  const get = getProjectUseCase(deps);
  return async (id: string, actor: Principal): Promise<ProjectProgress> =>
    progressOf(await get(id, actor), chinaToday(deps.clock.now()));
}
