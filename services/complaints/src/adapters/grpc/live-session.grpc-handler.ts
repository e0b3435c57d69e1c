import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { acceptLiveSessionUseCase } from '../../usecases/live-sessions/accept-live-session/accept-live-session.usecase';
import type { closeLiveSessionUseCase } from '../../usecases/live-sessions/close-live-session/close-live-session.usecase';
import type { openLiveSessionUseCase } from '../../usecases/live-sessions/open-live-session/open-live-session.usecase';
import type { postLiveMessageUseCase } from '../../usecases/live-sessions/post-live-message/post-live-message.usecase';
import type {
  getLiveSessionUseCase,
  listLiveQueueUseCase,
  listMyLiveSessionsUseCase,
} from '../../usecases/live-sessions/read-live-sessions/read-live-sessions.usecase';
import type {
  SessionChange,
  watchLiveQueueUseCase,
  watchLiveSessionUseCase,
} from '../../usecases/live-sessions/watch-live-sessions/watch-live-sessions.usecase';
import type { LiveSession } from '../../domain/consultations/live-session';
import { toProtoLiveSession } from './live-session.mapper';
import { watchedValues } from './watch-stream';

export interface LiveSessionUseCases {
  openLiveSession: ReturnType<typeof openLiveSessionUseCase>;
  getLiveSession: ReturnType<typeof getLiveSessionUseCase>;
  listMyLiveSessions: ReturnType<typeof listMyLiveSessionsUseCase>;
  listLiveQueue: ReturnType<typeof listLiveQueueUseCase>;
  acceptLiveSession: ReturnType<typeof acceptLiveSessionUseCase>;
  postLiveMessage: ReturnType<typeof postLiveMessageUseCase>;
  closeLiveSession: ReturnType<typeof closeLiveSessionUseCase>;
  watchLiveSession: ReturnType<typeof watchLiveSessionUseCase>;
  watchLiveQueue: ReturnType<typeof watchLiveQueueUseCase>;
}

/** govhall.complaints.v1.LiveConsultationService: proto ⇄ use case. */
export function registerLiveConsultationService(server: GrpcServer, uc: LiveSessionUseCases): void {
  type Ctx = Parameters<Parameters<GrpcServer['unary']>[1]>[1];
  const one = (s: LiveSession, ctx: Ctx) => ({ session: toProtoLiveSession(s, ctx.principal) });
  const firstOnly = (list: LiveSession[], ctx: Ctx) => list.map((s) => toProtoLiveSession(s, ctx.principal, 'first'));
  const impl: complaintsV1.LiveConsultationServiceServer = {
    openLiveSession: server.unary<complaintsV1.OpenLiveSessionRequest, complaintsV1.OpenLiveSessionResponse>(
      'OpenLiveSession',
      async (req, ctx) =>
        one(
          await uc.openLiveSession(
            {
              tenant: req.tenant,
              itemId: req.itemId,
              question: req.question,
              bookedFor: req.bookedFor,
              requestId: req.requestId,
            },
            ctx.principal,
          ),
          ctx,
        ),
    ),
    getLiveSession: server.unary<complaintsV1.GetLiveSessionRequest, complaintsV1.GetLiveSessionResponse>(
      'GetLiveSession',
      async (req, ctx) => one(await uc.getLiveSession(req.id, ctx.principal), ctx),
    ),
    listMyLiveSessions: server.unary<complaintsV1.ListMyLiveSessionsRequest, complaintsV1.ListMyLiveSessionsResponse>(
      'ListMyLiveSessions',
      async (req, ctx) => {
        const p = await uc.listMyLiveSessions(
          { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          ctx.principal,
        );
        return { sessions: firstOnly(p.sessions, ctx), page: { nextPageToken: p.nextPageToken, total: p.total } };
      },
    ),
    listLiveQueue: server.unary<complaintsV1.ListLiveQueueRequest, complaintsV1.ListLiveQueueResponse>(
      'ListLiveQueue',
      async (req, ctx) => ({ sessions: firstOnly(await uc.listLiveQueue(req.tenant, ctx.principal), ctx) }),
    ),
    acceptLiveSession: server.unary<complaintsV1.AcceptLiveSessionRequest, complaintsV1.AcceptLiveSessionResponse>(
      'AcceptLiveSession',
      async (req, ctx) => one(await uc.acceptLiveSession(req.id, ctx.principal), ctx),
    ),
    postLiveMessage: server.unary<complaintsV1.PostLiveMessageRequest, complaintsV1.PostLiveMessageResponse>(
      'PostLiveMessage',
      async (req, ctx) => one(await uc.postLiveMessage({ id: req.id, text: req.text }, ctx.principal), ctx),
    ),
    closeLiveSession: server.unary<complaintsV1.CloseLiveSessionRequest, complaintsV1.CloseLiveSessionResponse>(
      'CloseLiveSession',
      async (req, ctx) => one(await uc.closeLiveSession(req.id, ctx.principal), ctx),
    ),
    watchLiveSession: server.serverStream<complaintsV1.WatchLiveSessionRequest, complaintsV1.WatchLiveSessionResponse>(
      'WatchLiveSession',
      async function* (req, ctx) {
        const changes = watchedValues<SessionChange>(
          (send, end) => uc.watchLiveSession({ id: req.id, afterSeq: req.afterSeq }, ctx.principal, { send, end }),
          ctx.signal,
        );
        // A change carries the new messages only; message_count says how many the session holds.
        for await (const c of changes)
          yield { session: toProtoLiveSession(c.session, ctx.principal, { after: c.afterSeq }) };
      },
    ),
    watchLiveQueue: server.serverStream<complaintsV1.WatchLiveQueueRequest, complaintsV1.WatchLiveQueueResponse>(
      'WatchLiveQueue',
      async function* (req, ctx) {
        const changes = watchedValues<LiveSession[]>(
          (send, end) => uc.watchLiveQueue(req.tenant, ctx.principal, { send, end }),
          ctx.signal,
        );
        for await (const list of changes) yield { sessions: firstOnly(list, ctx) };
      },
    ),
  };
  server.addService('govhall.complaints.v1.LiveConsultationService', complaintsV1.LiveConsultationServiceService, impl);
}
