import { hasAnyRole, type Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import { queueOrder, type LiveSession } from '../../../domain/consultations/live-session';
import type { Clock } from '../../ports';
import { ANSWERING_ROLES } from '../../consultations/consultation-access';
import { oversees, readable, signedIn } from '../live-session-access';
import type { LiveSessionRepository } from '../ports';

/** One session, whole, for its asker, its staff, the center and supervisors; any other is not found. */
export function getLiveSessionUseCase(deps: { sessions: LiveSessionRepository }) {
  return async (id: string, actor: Principal | undefined): Promise<LiveSession> =>
    readable(await deps.sessions.find(id), actor);
}

/** The caller's own sessions, newest first. */
export function listMyLiveSessionsUseCase(deps: { sessions: LiveSessionRepository }) {
  return async (request: { pageSize?: number; pageToken?: string }, actor: Principal | undefined) => {
    const me = signedIn(actor);
    const size = pageSize(request.pageSize, { max: 50, defaultSize: 10 });
    const offset = decodePageToken(request.pageToken);
    const { items, total } = await deps.sessions.listMine(me.subject, offset, size);
    const next = offset + items.length;
    return { sessions: items, total, nextPageToken: next < total ? encodePageToken(next) : '' };
  };
}

/**
 * Which department's queue `actor` reads in `tenant` ('' or empty: the caller's): the center and supervisors the
 * whole tenant's (undefined), the staff who answer items their department's.
 */
export function queueScope(tenant: string, actor: Principal | undefined): { tenant: string; department?: string } {
  const me = signedIn(actor);
  const t = tenant || me.tenant;
  if (!/^\d{6}$/.test(t)) {
    throw new ValidationError([{ path: 'tenant', reason: 'PATTERN', message: '请选择地区（6位行政区划代码）' }]);
  }
  if (oversees(me, t)) return { tenant: t };
  if (hasAnyRole(me, ANSWERING_ROLES) && me.tenant === t && me.department)
    return { tenant: t, department: me.department };
  throw new ForbiddenError('ROLE_REQUIRED', '只有事项所属部门的工作人员、中心管理员和监察人员可以查看在线咨询队列');
}

/** The console's queue (U15): due waiting ones first (longest waiting first), the active ones, then the booked. */
export function listLiveQueueUseCase(deps: { sessions: LiveSessionRepository; clock: Clock }) {
  return async (tenant: string, actor: Principal | undefined): Promise<LiveSession[]> => {
    const scope = queueScope(tenant, actor);
    return queueOrder(await deps.sessions.listOpen(scope.tenant, scope.department), deps.clock.now());
  };
}
