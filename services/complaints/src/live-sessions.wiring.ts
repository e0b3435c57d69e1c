import type { GrpcServer } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import { registerLiveConsultationService } from './adapters/grpc/live-session.grpc-handler';
import type { MongoLiveSessions } from './adapters/mongo/live-session.repository';
import type { PublishedItems, StaffNames } from './usecases/consultations/ports';
import type { Calendars, Clock, IdGenerator } from './usecases/ports';
import { acceptLiveSessionUseCase } from './usecases/live-sessions/accept-live-session/accept-live-session.usecase';
import { closeLiveSessionUseCase } from './usecases/live-sessions/close-live-session/close-live-session.usecase';
import { openLiveSessionUseCase } from './usecases/live-sessions/open-live-session/open-live-session.usecase';
import { postLiveMessageUseCase } from './usecases/live-sessions/post-live-message/post-live-message.usecase';
import {
  getLiveSessionUseCase,
  listLiveQueueUseCase,
  listMyLiveSessionsUseCase,
} from './usecases/live-sessions/read-live-sessions/read-live-sessions.usecase';
import { PollingHub } from './usecases/polling-hub';
import {
  watchLiveQueueUseCase,
  watchLiveSessionUseCase,
} from './usecases/live-sessions/watch-live-sessions/watch-live-sessions.usecase';

/**
 * 在线咨询 (C18, ADR 0069): the live sessions' use cases on the gRPC server, their watchers looking every `pollMs`
 * and at once after a write here. Returns the watchers' hub, to stop at shutdown.
 */
export function registerLiveSessions(
  server: GrpcServer,
  deps: {
    sessions: MongoLiveSessions;
    items: PublishedItems;
    staffNames: StaffNames;
    calendars: Calendars;
    clock: Clock;
    ids: IdGenerator;
    hostedTenants: readonly string[];
    pollMs: number;
    logger: Logger;
  },
): PollingHub {
  const hub = new PollingHub({
    pollMs: deps.pollMs,
    onError: (err) => deps.logger.warn({ err }, 'live sessions: look failed, next look retries'),
  });
  const changed = () => hub.nudge();
  const { sessions, clock } = deps;
  registerLiveConsultationService(server, {
    openLiveSession: openLiveSessionUseCase({ ...deps, changed }),
    getLiveSession: getLiveSessionUseCase({ sessions }),
    listMyLiveSessions: listMyLiveSessionsUseCase({ sessions }),
    listLiveQueue: listLiveQueueUseCase({ sessions, clock }),
    acceptLiveSession: acceptLiveSessionUseCase({ sessions, staffNames: deps.staffNames, clock, changed }),
    postLiveMessage: postLiveMessageUseCase({ sessions, clock, changed }),
    closeLiveSession: closeLiveSessionUseCase({ sessions, clock, changed }),
    watchLiveSession: watchLiveSessionUseCase({ sessions, hub }),
    watchLiveQueue: watchLiveQueueUseCase({ sessions, hub, clock }),
  });
  return hub;
}
