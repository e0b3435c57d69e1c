import { hasAnyRole, tenantScope, type Principal, type Role } from '@govhall/auth';
import { periodViolations } from '@govhall/calendar';
import { ForbiddenError, ValidationError, type Violation } from '@govhall/errors';
import type { Rating, RatingChannel, RatingLevel } from '../../domain/ratings/rating';
import type { RatingFilter } from './ports';

/** What a list or statistic of ratings asks for (ListRatings, GetSatisfaction). */
export interface RatingReadRequest {
  /** Empty: the caller's tenant. */
  tenant: string;
  from: string;
  to: string;
  department: string;
  windowId: string;
  staff: string;
  levels: number[];
  channels: RatingChannel[];
}

/** Roles that read every rating of a tenant they reach (their own; supervisors and center administrators, below). */
const WHOLE_TENANT: readonly Role[] = ['center_admin', 'supervisor', 'complaint_handler'];
/** Roles that read the ratings naming themselves (C5, C6: staff see their own satisfaction). */
const OWN_RATINGS: readonly Role[] = ['window_clerk', 'reviewer', 'approver'];

/**
 * The ratings `actor` may read for `request` (满意度统计, C6): the supervision office, the center's administrators and
 * complaint handlers read their tenant (and, supervising, those below it); a department head reads their
 * department; window and back-office staff read the ratings that name them. Asking beyond that is refused, not
 * narrowed silently; the period is checked (at most 366 days).
 */
export function ratingFilterFor(actor: Principal, request: RatingReadRequest): RatingFilter {
  const whole = WHOLE_TENANT.filter((r) => actor.roles.includes(r));
  const head = hasAnyRole(actor, ['department_head']);
  const own = hasAnyRole(actor, OWN_RATINGS);
  if (actor.kind !== 'user' || (whole.length === 0 && !head && !own)) {
    throw new ForbiddenError('ROLE_REQUIRED', '只有工作人员可以查看评价和满意度统计');
  }
  const v: Violation[] = [...periodViolations(request.from, request.to)];
  const levels = [...new Set(request.levels)];
  if (levels.some((l) => !Number.isInteger(l) || l < 1 || l > 5)) {
    v.push({ path: 'levels', reason: 'INVALID', message: '评价等级应为1至5' });
  }
  if (v.length > 0) throw new ValidationError(v);
  const tenant = request.tenant || actor.tenant;
  const narrowed = {
    tenant,
    from: request.from,
    to: request.to,
    department: request.department,
    windowId: request.windowId,
    staff: request.staff,
    levels: levels as RatingLevel[],
    channels: [...new Set(request.channels)],
  };
  if (whole.length > 0) {
    if (!tenantScope(actor, whole, 'read', tenant)) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区（及下级地区）的评价');
    }
    return narrowed;
  }
  if (tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能查看本地区的评价');
  if (head) {
    if (!actor.department || (request.department && request.department !== actor.department)) {
      throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '部门负责人只能查看本部门的评价');
    }
    return { ...narrowed, department: actor.department };
  }
  if (request.staff && request.staff !== actor.username) {
    throw new ForbiddenError('STAFF_OUT_OF_SCOPE', '只能查看对本人的评价');
  }
  return { ...narrowed, staff: actor.username };
}

/** Whether `actor` reaches one rating, by the same rule as the lists. */
export function mayReadRating(actor: Principal, rating: Rating): boolean {
  if (actor.kind !== 'user') return false;
  const whole = WHOLE_TENANT.filter((r) => actor.roles.includes(r));
  if (whole.length > 0 && tenantScope(actor, whole, 'read', rating.tenant)) return true;
  if (actor.tenant !== rating.tenant) return false;
  if (hasAnyRole(actor, ['department_head']) && !!actor.department && actor.department === rating.department) {
    return true;
  }
  return hasAnyRole(actor, OWN_RATINGS) && rating.staff.some((s) => s.username === actor.username);
}
