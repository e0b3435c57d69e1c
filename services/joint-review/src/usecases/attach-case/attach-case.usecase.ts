import type { Principal } from '@govhall/auth';
import { ConflictError, NotFoundError } from '@govhall/errors';
import { attachCase, type Project } from '../../domain/projects/project';
import type { Clock } from '../ports';
import { requireAgentOrAdmin } from '../projects/project.access';
import type { ProjectCaseSource, ProjectRepository } from '../projects/project.ports';
import { writeProject } from '../projects/project-write';

/**
 * The 代办员 or the center administrator attaches a case of the tenant whose applicant is the investor (read from
 * the cases service); a case of another project is refused, one already attached changes nothing.
 */
export function attachCaseUseCase(deps: { projects: ProjectRepository; cases: ProjectCaseSource; clock: Clock }) {
  return (request: { id: string; expectedVersion: number; caseId: string }, actor: Principal): Promise<Project> =>
    writeProject(deps.projects, request.id, request.expectedVersion, actor, requireAgentOrAdmin, async (p) => {
      const caseId = request.caseId.trim();
      if (p.cases.some((c) => c.caseId === caseId)) return p;
      const facts = caseId ? await deps.cases.caseFacts(p.tenant, caseId) : null;
      if (!facts) throw new NotFoundError('CASE_NOT_FOUND', '找不到该办件');
      const holder = await deps.projects.findByCase(caseId);
      if (holder && holder.id !== p.id) {
        const conflict = new ConflictError('CASE_IN_OTHER_PROJECT', `该办件已属于项目“${holder.name}”`);
        conflict.metadata = { projectId: holder.id };
        throw conflict;
      }
      return attachCase(p, facts, actor.username, deps.clock.now());
    });
}
