import type { Principal } from '@govhall/auth';
import { closeLiveSession, type LiveSession } from '../../../domain/consultations/live-session';
import type { Clock } from '../../ports';
import { isAsker, readable, serves } from '../live-session-access';
import { ForbiddenError } from '@govhall/errors';
import type { LiveSessionRepository } from '../ports';
import { retryOnConflict } from '../retry-on-conflict';

/**
 * The asker, or the staff who serve it (whoever took it up, or — a waiting one nobody can serve now — any of them),
 * end the session; ending it again changes nothing.
 */
export function closeLiveSessionUseCase(deps: { sessions: LiveSessionRepository; clock: Clock; changed: () => void }) {
  return (id: string, actor: Principal | undefined): Promise<LiveSession> =>
    retryOnConflict(async () => {
      const s = readable(await deps.sessions.find(id), actor);
      const byStaff =
        !isAsker(actor, s) && serves(actor, s) && (s.status !== 'active' || s.staff?.username === actor!.username);
      if (!isAsker(actor, s) && !byStaff) {
        throw new ForbiddenError('NOT_IN_SESSION', '只有咨询人和接待的工作人员可以结束该在线咨询');
      }
      const next = closeLiveSession(s, isAsker(actor, s) ? 'asker' : 'staff', deps.clock.now());
      if (next !== s) {
        await deps.sessions.save(next, s.version);
        deps.changed();
      }
      return next;
    });
}
