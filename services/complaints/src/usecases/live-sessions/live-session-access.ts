import { hasAnyRole, tenantScope, type Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@govhall/errors';
import type { LiveSession, LiveSpeaker } from '../../domain/consultations/live-session';
import { ANSWERING_ROLES } from '../consultations/consultation-access';

const OVERSEERS = ['center_admin', 'supervisor'] as const;

export const signedIn = (actor: Principal | undefined): Principal => {
  if (actor?.kind !== 'user') throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
  return actor;
};

export const isAsker = (actor: Principal | undefined, s: LiveSession) =>
  actor?.kind === 'user' && actor.subject === s.asker.subject;

/** Whether `actor` takes `s` up: the item's department's staff, or the tenant's center. */
export function serves(actor: Principal | undefined, s: LiveSession): boolean {
  if (actor?.kind !== 'user' || actor.tenant !== s.tenant) return false;
  if (hasAnyRole(actor, ['center_admin'])) return true;
  return hasAnyRole(actor, ANSWERING_ROLES) && actor.department === s.department;
}

/** Whether `actor` reads `s`: its asker, the staff who serve it, the tenant's center and supervisors. */
export function mayReadSession(actor: Principal | undefined, s: LiveSession): boolean {
  if (actor?.kind !== 'user') return false;
  if (isAsker(actor, s) || serves(actor, s)) return true;
  return oversees(actor, s.tenant);
}

/** Whether `actor` is the center or a supervisor of `tenant` (or of a region above it, reading). */
export function oversees(actor: Principal, tenant: string): boolean {
  const overseer = OVERSEERS.filter((r) => actor.roles.includes(r));
  return overseer.length > 0 && tenantScope(actor, overseer, 'read', tenant) !== undefined;
}

/** The session `actor` may read; one they may not is not found. */
export function readable(s: LiveSession | null, actor: Principal | undefined): LiveSession {
  if (!s || !mayReadSession(actor, s)) throw new NotFoundError('LIVE_SESSION_NOT_FOUND', '找不到该在线咨询');
  return s;
}

/** Who `actor` speaks as in `s`: its asker, or the member of staff who took it up. */
export function speakerOf(actor: Principal | undefined, s: LiveSession): LiveSpeaker {
  if (isAsker(actor, s)) return 'asker';
  if (s.status === 'active' && actor?.kind === 'user' && s.staff?.username === actor.username) return 'staff';
  if (serves(actor, s) && s.status === 'waiting') {
    throw new ForbiddenError('NOT_ACCEPTED', '请先接待该在线咨询');
  }
  throw new ForbiddenError('NOT_IN_SESSION', '只有咨询人和接待的工作人员可以在该在线咨询中发言');
}
