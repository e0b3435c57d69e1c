import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { ForbiddenError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import { progressOf, type ProjectProgress } from '../../domain/projects/project-progress';
import type { Clock, Page } from '../ports';
import { investorsOf, isApplicant } from '../projects/investor.access';
import type { InvestorIdentity, ProjectRepository } from '../projects/project.ports';

/**
 * 我的项目 on the portal: the progress views of the projects of the legal persons the caller holds or acts for
 * today, or of the one it names (NO_GRANT when it may not act for it); newest first.
 */
export function listMyProjectsUseCase(deps: {
  projects: ProjectRepository;
  investors: InvestorIdentity;
  clock: Clock;
}) {
  return async (
    request: { onBehalfOf: string; page: { pageSize: number; pageToken: string } },
    actor: Principal,
    authorization = '',
  ): Promise<Page<ProjectProgress>> => {
    if (!isApplicant(actor)) throw new ForbiddenError('ROLE_REQUIRED', '只有申请人（投资主体）可以查看“我的项目”');
    const size = pageSize(request.page.pageSize);
    const investors = await investorsOf(deps.investors, authorization, request.onBehalfOf.trim());
    const all = investors.length > 0 ? await deps.projects.findByInvestors(investors) : [];
    const today = chinaToday(deps.clock.now());
    const offset = decodePageToken(request.page.pageToken);
    const end = offset + size;
    return {
      items: all.slice(offset, end).map((p) => progressOf(p, today)),
      nextPageToken: end < all.length ? encodePageToken(end) : '',
      totalSize: all.length,
    };
  };
}
