import type { Principal } from '@govhall/auth';
import type { Project } from '../../domain/projects/project';
import { projectNotFound } from './project.access';
import type { ProjectRepository } from './project.ports';

/**
 * Reads the project, checks who acts (`access`), applies `change` and stores the result against the version the
 * caller read (ABORTED otherwise). A change that returns the project as it was writes nothing.
 */
export async function writeProject(
  projects: ProjectRepository,
  id: string,
  expectedVersion: number,
  actor: Principal,
  access: (actor: Principal, project: Project) => void,
  change: (project: Project) => Project | Promise<Project>,
): Promise<Project> {
  const project = await projects.findById(id);
  if (!project) throw projectNotFound();
  access(actor, project);
  const next = await change(project);
  if (next === project) return project;
  return projects.save(next, expectedVersion);
}
