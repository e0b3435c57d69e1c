import type { Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { acceptLiveSession, type LiveSession } from '../../../domain/consultations/live-session';
import type { Clock } from '../../ports';
import type { StaffNames } from '../../consultations/ports';
import { readable, serves } from '../live-session-access';
import type { LiveSessionRepository } from '../ports';
import { retryOnConflict } from '../retry-on-conflict';

/** A member of the item's department's staff (or the center) takes a waiting, due session up (U15's console). */
export function acceptLiveSessionUseCase(deps: {
  sessions: LiveSessionRepository;
  staffNames: StaffNames;
  clock: Clock;
  changed: () => void;
}) {
  return (id: string, actor: Principal | undefined): Promise<LiveSession> =>
    retryOnConflict(async () => {
      const s = readable(await deps.sessions.find(id), actor);
      if (!serves(actor, s)) {
        throw new ForbiddenError('NOT_SERVING', '只有该事项所属部门的工作人员可以接待该在线咨询');
      }
      const name = await deps.staffNames.nameOf(s.tenant, actor!.username);
      const next = acceptLiveSession(s, { username: actor!.username, name }, deps.clock.now());
      if (next !== s) {
        await deps.sessions.save(next, s.version);
        deps.changed();
      }
      return next;
    });
}
