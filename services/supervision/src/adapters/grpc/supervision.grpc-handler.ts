import type { Principal } from '@govhall/auth';
import type { GrpcServer } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import { supervisionV1 } from '@govhall/proto';
import type { SupervisionUseCases } from '../../usecases/supervision.use-cases';
import type { ThresholdsInput } from '../../usecases/set-signal-thresholds/set-signal-thresholds.usecase';
import { levelFromProto, signalLevel, toProtoClock, toProtoSignal, toProtoThresholds } from '../proto/clocks.mapper';
import { watchLiveHandler } from './watch-live.stream';

type Uc = Pick<
  SupervisionUseCases,
  | 'listRecordedEvents'
  | 'getMatterClock'
  | 'listClocks'
  | 'listSignals'
  | 'getSignalThresholds'
  | 'setSignalThresholds'
  | 'dryRunSignalThresholds'
  | 'watchLive'
  | 'getHallToday'
>;

function thresholdsInput(t: supervisionV1.SignalThresholds | undefined): ThresholdsInput {
  const v = t ?? supervisionV1.SignalThresholds.fromPartial({});
  return {
    tenant: v.tenant,
    version: v.version,
    warningRemainingWorkingDays: v.warningRemainingWorkingDays,
    warningRemainingPercent: v.warningRemainingPercent,
    yellowOnPromisedExceeded: v.yellowOnPromisedExceeded,
    yellowOnStepExceeded: v.yellowOnStepExceeded,
    redOnStatutoryExceeded: v.redOnStatutoryExceeded,
  };
}

/** govhall.supervision.v1.SupervisionService: proto ⇄ use case. */
export function registerSupervisionService(
  server: GrpcServer,
  uc: Uc,
  live: { verify: (header: string) => Promise<Principal>; logger: Pick<Logger, 'info' | 'error'> },
): void {
  const impl: supervisionV1.SupervisionServiceServer = {
    listRecordedEvents: server.unary<supervisionV1.ListRecordedEventsRequest, supervisionV1.ListRecordedEventsResponse>(
      'ListRecordedEvents',
      async (req, ctx) => ({ events: await uc.listRecordedEvents(req.aggregateId, ctx.principal) }),
    ),
    getMatterClock: server.unary<supervisionV1.GetMatterClockRequest, supervisionV1.GetMatterClockResponse>(
      'GetMatterClock',
      async (req, ctx) => ({ clock: toProtoClock(await uc.getMatterClock(req.matterId, ctx.principal)) }),
    ),
    listClocks: server.unary<supervisionV1.ListClocksRequest, supervisionV1.ListClocksResponse>(
      'ListClocks',
      async (req, ctx) => {
        const r = await uc.listClocks(
          {
            tenant: req.tenant,
            includeSubordinates: req.includeSubordinates,
            minSignal: levelFromProto(req.minSignal),
            department: req.department,
            windowId: req.windowId,
            openOnly: req.openOnly,
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return { clocks: r.clocks.map(toProtoClock), page: { nextPageToken: r.nextPageToken, total: 0 } };
      },
    ),
    listSignals: server.unary<supervisionV1.ListSignalsRequest, supervisionV1.ListSignalsResponse>(
      'ListSignals',
      async (req, ctx) => {
        const r = await uc.listSignals(
          {
            tenant: req.tenant,
            includeSubordinates: req.includeSubordinates,
            matterId: req.matterId,
            activeOnly: req.activeOnly,
            minLevel: levelFromProto(req.minLevel),
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return { signals: r.signals.map(toProtoSignal), page: { nextPageToken: r.nextPageToken, total: 0 } };
      },
    ),
    getSignalThresholds: server.unary<
      supervisionV1.GetSignalThresholdsRequest,
      supervisionV1.GetSignalThresholdsResponse
    >('GetSignalThresholds', async (req, ctx) => ({
      thresholds: toProtoThresholds(await uc.getSignalThresholds(req.tenant, ctx.principal)),
    })),
    setSignalThresholds: server.unary<
      supervisionV1.SetSignalThresholdsRequest,
      supervisionV1.SetSignalThresholdsResponse
    >('SetSignalThresholds', async (req, ctx) => ({
      thresholds: toProtoThresholds(await uc.setSignalThresholds(thresholdsInput(req.thresholds), ctx.principal)),
    })),
    dryRunSignalThresholds: server.unary<
      supervisionV1.DryRunSignalThresholdsRequest,
      supervisionV1.DryRunSignalThresholdsResponse
    >('DryRunSignalThresholds', async (req, ctx) => {
      const r = await uc.dryRunSignalThresholds(thresholdsInput(req.thresholds), ctx.principal);
      return {
        openMatters: r.openMatters,
        changes: r.changes.map((c) => ({ ...c, from: signalLevel.toProto(c.from), to: signalLevel.toProto(c.to) })),
      };
    }),
    watchLive: watchLiveHandler(uc, live.verify, live.logger),
    getHallToday: server.unary<supervisionV1.GetHallTodayRequest, supervisionV1.GetHallTodayResponse>(
      'GetHallToday',
      async (req, ctx) => {
        const t = await uc.getHallToday(
          { tenant: req.tenant, includeSubordinates: req.includeSubordinates },
          ctx.principal,
        );
        return {
          date: t.date,
          received: t.received,
          accepted: t.accepted,
          completed: t.completed,
          completedOnTime: t.completedOnTime,
          open: t.open,
          overdue: t.overdue,
          openWarning: t.openByLevel.warning,
          openYellow: t.openByLevel.yellow,
          openRed: t.openByLevel.red,
          windows: t.windows.map((w) => ({
            windowId: w.windowId,
            open: w.open,
            worstSignal: signalLevel.toProto(w.worstSignal),
          })),
        };
      },
    ),
  };
  server.addService('govhall.supervision.v1.SupervisionService', supervisionV1.SupervisionServiceService, impl);
}
