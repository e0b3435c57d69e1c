import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { createProject, type ProjectContent, type Project } from '../../domain/projects/project';
import type { Clock, IdGenerator } from '../ports';
import { isCenterAdmin } from '../projects/project.access';
import type { ProjectDirectory, ProjectRepository } from '../projects/project.ports';

export interface CreateProjectRequest {
  requestId: string;
  tenant: string;
  investorPersonId: string;
  content: ProjectContent;
}

const TENANT = /^\d{6}$/;

/**
 * The center administrator of the tenant creates a project for a registered legal person (identity); a repeat of
 * the request id answers the project first created.
 */
export function createProjectUseCase(deps: {
  projects: ProjectRepository;
  directory: ProjectDirectory;
  clock: Clock;
  ids: IdGenerator;
}) {
  return async (request: CreateProjectRequest, actor: Principal): Promise<Project> => {
    const tenant = request.tenant || actor.tenant;
    if (!TENANT.test(tenant)) {
      throw new ValidationError([{ path: 'project.tenant', reason: 'PATTERN', message: '地区代码应为6位数字' }]);
    }
    if (!isCenterAdmin(actor, tenant)) {
      throw new ForbiddenError('CENTER_ADMIN_REQUIRED', '只有本中心的管理员可以登记项目');
    }
    const requestId = request.requestId.trim();
    if (!requestId || requestId.length > 100) {
      throw new ValidationError([{ path: 'requestId', reason: 'REQUIRED', message: '请求编号应为1-100个字符' }]);
    }
    const personId = request.investorPersonId.trim();
    const investor = personId ? await deps.directory.legalPerson(tenant, personId) : null;
    const project = createProject({
      id: deps.ids.newId(),
      tenant,
      content: request.content,
      investor,
      investorPersonId: personId,
      createdBy: actor.username,
      requestId,
      at: deps.clock.now(),
    });
    return (await deps.projects.insert(project)).project;
  };
}
