import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { pageSize } from '@govhall/paging';
import type { Meeting, MeetingState } from '../../domain/meetings/meeting';
import type { MeetingDeps } from '../meetings/meeting.ports';
import type { Page } from '../ports';
import { DEPARTMENT_STAFF, isSupervisorOf } from '../reviews/review.access';

const TENANT = /^\d{6}(\d{3}(\d{3})?)?$/;

export interface ListMeetingsRequest {
  tenant: string;
  department: string;
  state?: MeetingState;
  projectId: string;
  reviewId: string;
  page: { pageSize: number; pageToken: string };
}

/**
 * A tenant's meetings, newest first: the center (center_admin) and supervisors see all of them; other staff only
 * those of their own department (the caller's when none is named). Another tenant: TENANT_OUT_OF_SCOPE; another
 * department: DEPARTMENT_OUT_OF_SCOPE.
 */
export function listMeetingsUseCase(deps: Pick<MeetingDeps, 'meetings'>) {
  return async (request: ListMeetingsRequest, actor: Principal): Promise<Page<Meeting>> => {
    if (request.tenant && !TENANT.test(request.tenant)) {
      throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' }]);
    }
    const size = pageSize(request.page.pageSize);
    const tenant = request.tenant || actor.tenant;
    const user = actor.kind === 'user';
    const center = user && hasAnyRole(actor, ['center_admin']);
    const supervised = user && isSupervisorOf(actor, tenant);
    const staff = user && hasAnyRole(actor, DEPARTMENT_STAFF) && !!actor.department;
    if (!center && !supervised && !staff) throw new ForbiddenError('ROLE_REQUIRED', '您没有查看联审会议的权限');
    if (tenant !== actor.tenant && !supervised) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的联审会议');
    }
    const overseer = (center && tenant === actor.tenant) || supervised;
    const department = request.department || (overseer ? '' : (actor.department ?? ''));
    if (!overseer && department !== actor.department) {
      throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本部门参加的联审会议');
    }
    return deps.meetings.list(
      {
        tenant,
        ...(department ? { department } : {}),
        ...(request.state ? { state: request.state } : {}),
        ...(request.projectId ? { projectId: request.projectId } : {}),
        ...(request.reviewId ? { reviewId: request.reviewId } : {}),
      },
      { pageSize: size, pageToken: request.page.pageToken },
    );
  };
}
