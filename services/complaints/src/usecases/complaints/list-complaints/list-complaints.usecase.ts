import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import type { Complaint, ComplaintKind, ComplaintStatus } from '../../../domain/complaints/complaint';
import { officesOf, oversees, visibleTo } from '../complaint-access';
import { checkComplaintPeriod, complaintPage, everyComplaint } from '../complaint-pages';
import type { ComplaintFilter, ComplaintRepository } from '../ports';

export interface ListComplaintsRequest {
  tenant: string;
  from: string;
  to: string;
  statuses: ComplaintStatus[];
  kind: ComplaintKind | '';
  pageSize?: number;
  pageToken?: string;
}

/**
 * The complaints of a period (C13) the caller handles or oversees, newest first: the tenant's overseers (center
 * administrators and supervisors, and those above) all; the handling offices' staff theirs; a department head those
 * about the department. Asking beyond that is refused, not narrowed silently.
 */
export function listComplaintsUseCase(deps: {
  complaints: ComplaintRepository;
  legalAffairsOf: (tenant: string) => string;
}) {
  return async (request: ListComplaintsRequest, actor: Principal) => {
    if (actor.kind !== 'user') throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员可以查看投诉');
    checkComplaintPeriod(request);
    const tenant = request.tenant || actor.tenant;
    const filter: ComplaintFilter = {
      ...everyComplaint(tenant),
      from: request.from,
      to: request.to,
      statuses: [...new Set(request.statuses)],
      kind: request.kind,
    };
    const legalAffairs = deps.legalAffairsOf(tenant);
    let scoped: ComplaintFilter;
    if (oversees(actor, tenant)) {
      scoped = filter;
    } else if (tenant !== actor.tenant) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区的投诉');
    } else if (officesOf(actor, legalAffairs).length > 0) {
      scoped = { ...filter, offices: officesOf(actor, legalAffairs) };
    } else if (hasAnyRole(actor, ['department_head']) && actor.department) {
      scoped = { ...filter, targetDepartment: actor.department };
    } else {
      throw new ForbiddenError('ROLE_REQUIRED', '只有受理投诉的部门、中心管理员、监察人员和部门负责人可以查看投诉');
    }
    const { items, total, nextPageToken } = await complaintPage(deps.complaints, scoped, request);
    return { complaints: items.map((c) => visibleTo(actor, c, legalAffairs)), total, nextPageToken };
  };
}

/** The signed-in complainant's own complaints, newest first. */
export function listMyComplaintsUseCase(deps: { complaints: ComplaintRepository }) {
  return async (request: { pageSize?: number; pageToken?: string }, actor: Principal) => {
    if (actor.kind !== 'user' || !actor.subject) throw new ForbiddenError('ROLE_REQUIRED', '请先登录');
    const { items, total, nextPageToken } = await complaintPage(
      deps.complaints,
      { ...everyComplaint(''), complainantSubject: actor.subject },
      request,
    );
    return { complaints: items as Complaint[], total, nextPageToken };
  };
}
