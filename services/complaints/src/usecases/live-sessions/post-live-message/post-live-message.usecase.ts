import type { Principal } from '@govhall/auth';
import { postLiveMessage, type LiveSession } from '../../../domain/consultations/live-session';
import type { Clock } from '../../ports';
import { readable, speakerOf } from '../live-session-access';
import type { LiveSessionRepository } from '../ports';
import { retryOnConflict } from '../retry-on-conflict';

/** The asker (also while waiting) or the member of staff who took the session up says something. */
export function postLiveMessageUseCase(deps: { sessions: LiveSessionRepository; clock: Clock; changed: () => void }) {
  return (command: { id: string; text: string }, actor: Principal | undefined): Promise<LiveSession> =>
    retryOnConflict(async () => {
      const s = readable(await deps.sessions.find(command.id), actor);
      const from = speakerOf(actor, s);
      const next = postLiveMessage(
        s,
        from,
        command.text,
        from === 'staff' ? (s.staff?.name ?? '') : '',
        deps.clock.now(),
      );
      await deps.sessions.save(next, s.version);
      deps.changed();
      return next;
    });
}
