import { chinaToday } from '@govhall/calendar';
import { ValidationError, type Violation } from '@govhall/errors';
import { parseCreditCode } from '@govhall/identifiers';
import { PROJECT_CODE } from '../../domain/projects/project';
import { isPublic, publicProgressOf, type PublicProjectProgress } from '../../domain/projects/project-progress';
import type { Clock } from '../ports';
import { projectNotFound } from '../projects/project.access';
import type { ProjectDirectory, ProjectRepository } from '../projects/project.ports';

/**
 * 重大项目进度查询 (public, no token): the project code and the investor's 统一社会信用代码 name one public project; a
 * classified or unpublished project, or a pair that does not match, is not found alike (nothing tells them apart).
 */
export function queryProjectProgressUseCase(deps: {
  projects: ProjectRepository;
  directory: Pick<ProjectDirectory, 'departmentNames'>;
  clock: Clock;
}) {
  return async (request: {
    projectCode: string;
    investorCreditCode: string;
    tenant: string;
  }): Promise<PublicProjectProgress> => {
    const code = request.projectCode.trim();
    const credit = request.investorCreditCode.trim().toUpperCase();
    const v: Violation[] = [];
    if (!PROJECT_CODE.test(code)) {
      v.push({
        path: 'projectCode',
        reason: 'PATTERN',
        message: '项目代码格式应为“年份-行政区划代码-行业代码-类型代码-流水号”',
      });
    }
    const parsed = parseCreditCode(credit);
    if (!parsed.ok) v.push({ path: 'investorCreditCode', ...parsed.violation });
    if (request.tenant && !/^\d{6}$/.test(request.tenant)) {
      v.push({ path: 'tenant', reason: 'PATTERN', message: '地区代码应为6位数字' });
    }
    if (v.length > 0) throw new ValidationError(v);
    const project = (await deps.projects.findByCode(code)).find(
      (p) =>
        p.investor.creditCode.toUpperCase() === credit &&
        (!request.tenant || p.tenant === request.tenant) &&
        isPublic(p),
    );
    if (!project) throw projectNotFound();
    const names = await deps.directory.departmentNames(project.tenant);
    return publicProgressOf(project, chinaToday(deps.clock.now()), (d) => names.get(d) ?? '');
  };
}
