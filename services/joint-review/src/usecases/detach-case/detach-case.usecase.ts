import type { Principal } from '@govhall/auth';
import { detachCase, type Project } from '../../domain/projects/project';
import type { Clock } from '../ports';
import { requireAgentOrAdmin } from '../projects/project.access';
import type { ProjectRepository } from '../projects/project.ports';
import { writeProject } from '../projects/project-write';

/** The 代办员 or the center administrator detaches a case attached by mistake, with the reason. */
export function detachCaseUseCase(deps: { projects: ProjectRepository; clock: Clock }) {
  return (
    request: { id: string; expectedVersion: number; caseId: string; reason: string },
    actor: Principal,
  ): Promise<Project> =>
    writeProject(deps.projects, request.id, request.expectedVersion, actor, requireAgentOrAdmin, (p) =>
      detachCase(p, request.caseId.trim(), request.reason, deps.clock.now()),
    );
}
