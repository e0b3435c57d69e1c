import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError, type Violation } from '@govhall/errors';
import { pageSize } from '@govhall/paging';
import type { Project, ProjectState } from '../../domain/projects/project';
import type { Page } from '../ports';
import { isStaffOf, supervises } from '../projects/project.access';
import type { ProjectRepository } from '../projects/project.ports';

const TENANT = /^\d{6}$/;
const MAX_QUERY = 50;

export interface ListProjectsRequest {
  tenant: string;
  state?: ProjectState;
  mine: boolean;
  query: string;
  page: { pageSize: number; pageToken: string };
}

/** A tenant's projects, newest first, for its staff and supervisors; `mine`: those the caller is 代办员 of. */
export function listProjectsUseCase(deps: { projects: ProjectRepository }) {
  return async (request: ListProjectsRequest, actor: Principal): Promise<Page<Project>> => {
    const v: Violation[] = [];
    const tenant = request.tenant || actor.tenant;
    if (!TENANT.test(tenant)) v.push({ path: 'tenant', reason: 'PATTERN', message: '地区代码应为6位数字' });
    const query = request.query.trim();
    if (query.length > MAX_QUERY)
      v.push({ path: 'query', reason: 'TOO_LONG', message: `查询词不能超过${MAX_QUERY}个字` });
    if (v.length > 0) throw new ValidationError(v);
    if (!isStaffOf(actor, tenant) && !supervises(actor, tenant)) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的项目');
    }
    return deps.projects.list(
      {
        tenant,
        ...(request.state ? { state: request.state } : {}),
        ...(request.mine ? { agent: actor.username } : {}),
        ...(query ? { query } : {}),
      },
      { pageSize: pageSize(request.page.pageSize), pageToken: request.page.pageToken },
    );
  };
}
