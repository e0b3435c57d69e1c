import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation } from '@govhall/errors';
import { pageSize } from '@govhall/paging';
import { participatingDepartments, type JointReview, type JointReviewState } from '../../domain/reviews/joint-review';
import type { JointReviewRepository, Page } from '../ports';
import type { ProjectRepository } from '../projects/project.ports';
import { departmentScope } from '../reviews/department-scope';

export interface ListJointReviewsRequest {
  tenant: string;
  department: string;
  /** Undefined: any state. */
  state?: JointReviewState;
  caseNumber: string;
  projectId: string;
  page: { pageSize: number; pageToken: string };
}

const CASE_NUMBER = /^[A-Za-z0-9-]{1,40}$/;
const PROJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function violationsOf(request: ListJointReviewsRequest): Violation[] {
  const v: Violation[] = [];
  if (request.caseNumber && !CASE_NUMBER.test(request.caseNumber)) {
    v.push({ path: 'caseNumber', reason: 'PATTERN', message: '办件编号应为1至40位字母、数字或连字符' });
  }
  if (request.projectId && !PROJECT_ID.test(request.projectId)) {
    v.push({ path: 'projectId', reason: 'PATTERN', message: '项目标识格式不正确' });
  }
  return v;
}

/** A few reviews found by case, newest first, as one page. */
function pageOfFew(reviews: JointReview[]): Page<JointReview> {
  const items = [...reviews].sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
  return { items, nextPageToken: '', totalSize: items.length };
}

/**
 * A tenant's joint reviews, newest first (the lead window tracks the reviews it leads, a co-department the ones it
 * takes part in, J1): center_admin and supervisors for any department or all, other staff only naming their own
 * department (as lead or participant). By case number or by project, the few reviews of those cases.
 */
export function listJointReviewsUseCase(deps: {
  reviews: JointReviewRepository;
  projects: Pick<ProjectRepository, 'findById'>;
}) {
  return async (request: ListJointReviewsRequest, actor: Principal): Promise<Page<JointReview>> => {
    const violations = violationsOf(request);
    if (violations.length > 0) throw new ValidationError(violations);
    const { tenant, department } = departmentScope(request, actor, '联办件');
    const wanted = (r: JointReview | null): r is JointReview =>
      !!r &&
      r.tenant === tenant &&
      (!department || participatingDepartments(r).has(department)) &&
      (!request.state || r.state === request.state);
    if (request.caseNumber) {
      return pageOfFew([await deps.reviews.findByCaseNumber(tenant, request.caseNumber)].filter(wanted));
    }
    if (request.projectId) {
      const project = await deps.projects.findById(request.projectId);
      if (!project || project.tenant !== tenant) return pageOfFew([]);
      const found = await Promise.all(project.cases.map((c) => deps.reviews.findByCase(tenant, c.caseId)));
      return pageOfFew(found.filter(wanted));
    }
    return deps.reviews.listReviews(
      { tenant, ...(department ? { department } : {}), states: request.state ? [request.state] : [] },
      { pageSize: pageSize(request.page.pageSize), pageToken: request.page.pageToken },
    );
  };
}
