import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Project } from '../../domain/projects/project';
import { progressOf, type ProjectProgress } from '../../domain/projects/project-progress';
import type { Clock } from '../ports';
import { investorsOf, isApplicant } from '../projects/investor.access';
import { projectNotFound, requireReader } from '../projects/project.access';
import type { InvestorIdentity, ProjectRepository } from '../projects/project.ports';

/** One project, for staff of its tenant and supervisors. */
export function getProjectUseCase(deps: { projects: ProjectRepository }) {
  return async (id: string, actor: Principal): Promise<Project> => {
    const project = await deps.projects.findById(id);
    if (!project) throw projectNotFound();
    requireReader(actor, project);
    return project;
  };
}

/**
 * The project's progress view as of today in China: for staff of its tenant and supervisors, and for its investor —
 * a portal caller who holds the legal person or acts for it today (identity, asked with the caller's own token),
 * naming it in `onBehalfOf` or not. Anyone else, and an investor naming a legal person it may not act for:
 * PROJECT_NOT_FOUND.
 */
export function getProjectProgressUseCase(deps: {
  projects: ProjectRepository;
  investors: InvestorIdentity;
  clock: Clock;
}) {
  return async (
    request: { id: string; onBehalfOf: string },
    actor: Principal,
    authorization = '',
  ): Promise<ProjectProgress> => {
    const project = await deps.projects.findById(request.id);
    if (!project) throw projectNotFound();
    if (isApplicant(actor)) {
      const investors = await investorsOf(deps.investors, authorization, request.onBehalfOf.trim()).catch(
        (e: unknown): string[] => {
          if ((e as { code?: string }).code === 'NO_GRANT') return [];
          throw e;
        },
      );
      if (!investors.includes(project.investor.personId)) throw projectNotFound();
    } else {
      requireReader(actor, project);
    }
    return progressOf(project, chinaToday(deps.clock.now()));
  };
}
