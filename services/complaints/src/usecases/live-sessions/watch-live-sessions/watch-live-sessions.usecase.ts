import type { Principal } from '@govhall/auth';
import { isDue, queueOrder, type LiveSession } from '../../../domain/consultations/live-session';
import type { Clock } from '../../ports';
import { readable } from '../live-session-access';
import type { LiveSessionRepository } from '../ports';
import { queueScope } from '../read-live-sessions/read-live-sessions.usecase';
import type { PollingHub } from '../../polling-hub';

/** A stream's sink: `send` each change, `end` when there will be no more. */
export interface Sink<T> {
  send(value: T): void;
  end(): void;
}

/** A session's change: the whole session, and the last message its watcher had before it. */
export interface SessionChange {
  session: LiveSession;
  afterSeq: number;
}

/**
 * A session as it changes, for its asker and its staff: at once with the messages after `afterSeq`, then each
 * change with the new messages only; the stream ends after the change that closed it. Returns the unwatch.
 */
export function watchLiveSessionUseCase(deps: { sessions: LiveSessionRepository; hub: PollingHub }) {
  return async (
    request: { id: string; afterSeq: number },
    actor: Principal | undefined,
    sink: Sink<SessionChange>,
  ): Promise<() => void> => {
    readable(await deps.sessions.find(request.id), actor);
    let version = -1;
    let lastSeq = Math.max(0, Math.trunc(request.afterSeq) || 0);
    let over = false;
    return deps.hub.watch(
      `session:${request.id}`,
      () => deps.sessions.find(request.id),
      (s) => {
        if (over || !s || s.version === version) return;
        version = s.version;
        sink.send({ session: s, afterSeq: lastSeq });
        lastSeq = s.messages.at(-1)?.seq ?? lastSeq;
        if (s.status === 'closed') {
          over = true;
          sink.end();
        }
      },
    );
  };
}

/** The console's queue as it changes: at once, then whenever a session in it changes (opened, taken, spoken, ended). */
export function watchLiveQueueUseCase(deps: { sessions: LiveSessionRepository; hub: PollingHub; clock: Clock }) {
  return async (tenant: string, actor: Principal | undefined, sink: Sink<LiveSession[]>): Promise<() => void> => {
    const scope = queueScope(tenant, actor);
    let last: string | undefined;
    return deps.hub.watch(
      `queue:${scope.tenant}:${scope.department ?? '*'}`,
      () => deps.sessions.listOpen(scope.tenant, scope.department),
      (open) => {
        const sorted = queueOrder(open, deps.clock.now());
        // A booked session becoming due changes the order, not a version: the order is part of what is compared.
        const now = deps.clock.now();
        const fingerprint = sorted
          .map((s) => `${s.id}@${s.version}${s.status === 'waiting' && isDue(s, now) ? '!' : ''}`)
          .join(',');
        if (fingerprint === last) return;
        last = fingerprint;
        sink.send(sorted);
      },
    );
  };
}
