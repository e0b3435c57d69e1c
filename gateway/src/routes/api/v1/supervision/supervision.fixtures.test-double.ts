import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { supervisionV1 } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  type FakeStreamContext,
} from '../../../../lib/fake-grpc-server.test-double';

// Records the fake supervision service answers with, shared by the supervision route tests.
const S = supervisionV1;
export const at = new Date('2026-12-03T02:00:00.000Z');
export const TENANT = '620321';
export const MATTER_ID = 'c1000000-0000-4000-8000-000000000001';
export const MISSING_ID = 'c1000000-0000-4000-8000-0000000000ff';
export const WINDOW_ID = 'a1000000-0000-4000-8000-000000000004';
export const VIOLATION_ID = 'b1000000-0000-4000-8000-000000000001';
export const ACCOUNTABILITY_ID = 'b2000000-0000-4000-8000-000000000001';
export const PHOTO_ID = 'b3000000-0000-4000-8000-000000000001';
export const REQUEST_ID = 'b4000000-0000-4000-8000-000000000001';

export const SUPERVISOR = { authorization: 'Bearer supervisor' };
export const CENTER_ADMIN = { authorization: 'Bearer admin' };
export const CLERK = { authorization: 'Bearer clerk' };
/** A hall screen's device account of TENANT (ADR 0049). */
export const HALL_SCREEN = { authorization: 'Bearer screen' };
export const CHINESE = /[\u4e00-\u9fff]/;

const limit = (limitWorkingDays: number, due: string, remaining: number): supervisionV1.LimitClock => ({
  limitWorkingDays,
  extensionWorkingDays: 0,
  startDate: '2026-11-20',
  dueDate: due,
  elapsedWorkingDays: limitWorkingDays - remaining,
  remainingWorkingDays: remaining,
  pausedWorkingDays: 2,
  provisional: false,
  explanation: ['自受理次日起计算，承诺时限10个工作日', '跳过周末4天', '听证期间暂停2个工作日'],
});

export const clock: supervisionV1.MatterClock = {
  matterId: MATTER_ID,
  kind: S.MatterKind.MATTER_KIND_CASE,
  tenant: TENANT,
  caseNumber: '6203212026112000001',
  itemName: '食品经营许可',
  itemBasicCode: '000117012000',
  department: '620321-SCJG',
  windowId: WINDOW_ID,
  responsible: 'reviewer-li',
  responsibleRole: 'reviewer',
  applicantName: '张*',
  status: 'processing',
  state: S.ClockState.CLOCK_STATE_RUNNING,
  receivedDate: '2026-11-19',
  acceptedDate: '2026-11-20',
  promised: limit(10, '2026-12-07', 1),
  statutory: limit(20, '2026-12-21', 11),
  steps: [
    {
      index: 0,
      name: '审查',
      role: 'reviewer',
      department: '620321-SCJG',
      budgetWorkingDays: 3,
      startedDate: '2026-11-20',
      dueDate: '2026-11-25',
      finishedDate: '',
      elapsedWorkingDays: 5,
      remainingWorkingDays: -2,
      overdue: true,
      handledBy: '',
    },
  ],
  pauses: [
    {
      kind: 'suspension',
      procedure: '听证',
      reason: '申请人要求听证',
      startedDate: '2026-11-24',
      endedDate: '2026-11-25',
      workingDays: 2,
    },
  ],
  signal: S.SignalLevel.SIGNAL_LEVEL_WARNING,
  imported: false,
  noticeDueDate: '2026-11-26',
  channel: 'online',
  lastEventId: 'e-17',
  lastEventAt: at,
  asOfDate: '2026-12-03',
  endedDate: '',
  onTime: false,
};

export const signal = (level: supervisionV1.SignalLevel, cleared = false): supervisionV1.Signal => ({
  id: `sig-${level}-${cleared ? 'c' : 'a'}`,
  matterId: MATTER_ID,
  tenant: TENANT,
  level,
  rule: level === S.SignalLevel.SIGNAL_LEVEL_RED ? 'statutory.exceeded' : 'promised.warning',
  reason: '承诺时限剩余1个工作日',
  raisedAt: at,
  clearedAt: cleared ? at : undefined,
  clearedReason: cleared ? '已办结' : '',
  caseNumber: clock.caseNumber,
  itemName: clock.itemName,
  department: clock.department,
  windowId: WINDOW_ID,
  responsible: 'reviewer-li',
  notified: ['responsible:reviewer-li', 'supervisor:jiancha-wang'],
  stepIndex: 0,
});

export const thresholds: supervisionV1.SignalThresholds = {
  tenant: TENANT,
  version: 3,
  warningRemainingWorkingDays: 1,
  warningRemainingPercent: 25,
  yellowOnPromisedExceeded: true,
  yellowOnStepExceeded: true,
  redOnStatutoryExceeded: true,
  updatedBy: 'admin-zhao',
  updatedAt: at,
};

export const violation: supervisionV1.Violation = {
  id: VIOLATION_ID,
  tenant: TENANT,
  kind: S.ViolationKind.VIOLATION_KIND_DECISION_PAST_LIMIT,
  state: S.ViolationState.VIOLATION_STATE_OPEN,
  matterId: MATTER_ID,
  caseNumber: clock.caseNumber,
  itemName: clock.itemName,
  department: clock.department,
  windowId: WINDOW_ID,
  person: 'approver-sun',
  occurredDate: '2026-12-02',
  recordedAt: at,
  summary: '超过承诺时限2个工作日作出决定',
  evidence: [
    { label: '承诺办结日期', value: '2026-11-30', eventId: 'e-3', fileId: '' },
    { label: '检查照片', value: '窗口无人', eventId: '', fileId: PHOTO_ID },
  ],
  recordedBy: 'automatic',
  inspectionId: '',
  accountabilityId: '',
  dismissedReason: '',
  version: 1,
};

export const inspection: supervisionV1.Inspection = {
  id: 'b5000000-0000-4000-8000-000000000001',
  tenant: TENANT,
  windowId: WINDOW_ID,
  date: '2026-12-03',
  inspector: 'jiancha-wang',
  checklist: [
    { code: 'uniform', label: '着装规范', passed: true, note: '' },
    { code: 'on_post', label: '在岗', passed: false, note: '10:05 窗口无人' },
  ],
  photoFileIds: [PHOTO_ID],
  person: 'clerk-a',
  violationIds: [VIOLATION_ID],
  recordedAt: at,
};

export const accountability: supervisionV1.Accountability = {
  id: ACCOUNTABILITY_ID,
  tenant: TENANT,
  violationIds: [VIOLATION_ID],
  targetKind: S.AccountabilityTarget.ACCOUNTABILITY_TARGET_PERSON,
  targetId: 'approver-sun',
  state: S.AccountabilityState.ACCOUNTABILITY_STATE_PROPOSED,
  proposedSanctions: [S.Sanction.SANCTION_CRITICISM_AND_EDUCATION, S.Sanction.SANCTION_YELLOW_CARD_WARNING],
  proposal: '建议批评教育并黄牌警告',
  proposedBy: 'jiancha-wang',
  proposedAt: at,
  sanctions: [],
  decision: '',
  decidedBy: '',
  decidedAt: undefined,
  year: 2026,
  version: 1,
};

/**
 * A live feed the test drives: what it pushes, the fake's WatchLive yields, in order; `fail` ends the call with
 * that error's status, `end` ends it normally. It stops by itself when the client cancels.
 */
export class LiveFeed {
  private readonly items: (supervisionV1.WatchLiveResponse | Error | null)[] = [];
  private wake: (() => void) | undefined;

  push(update: supervisionV1.LiveUpdate): void {
    this.items.push({ update });
    this.wake?.();
  }
  fail(error: Error): void {
    this.items.push(error);
    this.wake?.();
  }
  end(): void {
    this.items.push(null);
    this.wake?.();
  }

  async *stream(ctx: FakeStreamContext): AsyncIterable<supervisionV1.WatchLiveResponse> {
    let gone = false;
    void ctx.cancelled.then(() => {
      gone = true;
      this.wake?.();
    });
    for (;;) {
      while (this.items.length === 0 && !gone) await new Promise<void>((resolve) => (this.wake = resolve));
      if (gone) return;
      const item = this.items.shift()!;
      if (item === null) return;
      if (item instanceof Error) throw item;
      yield item;
    }
  }
}

/** The live feeds of the WatchLive calls the fake received, in order; `next()` waits for the next call. */
class LiveFeeds {
  private readonly started: LiveFeed[] = [];
  private waiting: ((feed: LiveFeed) => void)[] = [];
  private taken = 0;

  open(): LiveFeed {
    const feed = new LiveFeed();
    this.started.push(feed);
    this.waiting.shift()?.(feed);
    return feed;
  }
  next(): Promise<LiveFeed> {
    const index = this.taken++;
    const feed = this.started[index];
    if (feed) return Promise.resolve(feed);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** The gateway wired to a fake supervision service (both services on one port, as the real process serves them). */
export async function startSupervisionFixture(extraConfig: Record<string, string> = {}) {
  const feeds = new LiveFeeds();
  const fake = await startFakeGrpcServers([
    fakeService(S.SupervisionServiceService, {
      listRecordedEvents: async (req) => ({
        events: [
          {
            eventId: 'e-1',
            type: 'govhall.applications.case.accepted',
            tenant: TENANT,
            aggregateId: req.aggregateId,
            aggregateVersion: 2,
            occurredAt: at,
            recordedAt: at,
            topic: 'govhall.applications.cases.v1',
            traceparent: '00-abc-def-01',
          },
        ],
      }),
      getMatterClock: async (req) => {
        if (req.matterId === MISSING_ID) throw new NotFoundError('MATTER_NOT_FOUND', '未找到该事项的计时');
        return { clock: { ...clock, matterId: req.matterId } };
      },
      listClocks: async (req) => {
        if (req.tenant === '620100') throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看同级或上级租户');
        return { clocks: [clock], page: { nextPageToken: 'p2', total: 7 } };
      },
      listSignals: async () => ({
        signals: [signal(S.SignalLevel.SIGNAL_LEVEL_RED), signal(S.SignalLevel.SIGNAL_LEVEL_WARNING, true)],
        page: { nextPageToken: '', total: 2 },
      }),
      getSignalThresholds: async (req) => ({ thresholds: { ...thresholds, tenant: req.tenant || TENANT } }),
      setSignalThresholds: async (req) => {
        const t = req.thresholds!;
        if (t.version !== thresholds.version) throw new ConcurrencyError('预警规则已被他人修改，请刷新后重试');
        if (t.warningRemainingWorkingDays === 0 && t.warningRemainingPercent === 0)
          throw new ValidationError([
            {
              path: 'thresholds.warningRemainingPercent',
              reason: 'REQUIRED',
              message: '预警的剩余天数和剩余比例不能都为0',
            },
          ]);
        return { thresholds: { ...t, version: t.version + 1, updatedBy: 'admin-zhao', updatedAt: at } };
      },
      dryRunSignalThresholds: async () => ({
        changes: [
          {
            matterId: MATTER_ID,
            caseNumber: clock.caseNumber,
            itemName: clock.itemName,
            from: S.SignalLevel.SIGNAL_LEVEL_NONE,
            to: S.SignalLevel.SIGNAL_LEVEL_WARNING,
          },
        ],
        openMatters: 42,
      }),
      watchLive: (_req, ctx) => feeds.open().stream(ctx),
      getHallToday: async () => ({
        date: '2026-12-03',
        received: 12,
        accepted: 9,
        completed: 4,
        completedOnTime: 3,
        open: 30,
        overdue: 2,
        openWarning: 3,
        openYellow: 2,
        openRed: 1,
        windows: [{ windowId: WINDOW_ID, open: 5, worstSignal: S.SignalLevel.SIGNAL_LEVEL_RED }],
      }),
    }),
    fakeService(S.ViolationServiceService, {
      listViolations: async () => ({ violations: [violation], page: { nextPageToken: '', total: 1 } }),
      getViolation: async (req) => {
        if (req.id === MISSING_ID) throw new NotFoundError('VIOLATION_NOT_FOUND', '未找到该违规记录');
        return { violation };
      },
      dismissViolation: async (req) => {
        if (req.version !== violation.version) throw new ConcurrencyError();
        return {
          violation: {
            ...violation,
            state: S.ViolationState.VIOLATION_STATE_DISMISSED,
            dismissedReason: req.reason,
            version: 2,
          },
        };
      },
      recordInspection: async (req) => {
        if (req.date > '2026-12-03')
          throw new ValidationError([{ path: 'date', reason: 'FUTURE', message: '检查日期不能晚于今天' }]);
        return { inspection: { ...inspection, checklist: req.checklist }, violations: [violation] };
      },
      listInspections: async () => ({ inspections: [inspection], page: { nextPageToken: '', total: 1 } }),
      uploadInspectionPhoto: async (req) => {
        if (!['image/jpeg', 'image/png'].includes(req.contentType))
          throw new ValidationError([{ path: 'contentType', reason: 'TYPE', message: '照片应为 JPEG 或 PNG' }]);
        return { fileId: PHOTO_ID };
      },
      getInspectionPhoto: async (req) => {
        if (req.fileId === MISSING_ID) throw new NotFoundError('PHOTO_NOT_FOUND', '未找到该照片');
        return { fileName: '窗口检查.jpg', contentType: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) };
      },
      proposeAccountability: async (req) => ({
        accountability: { ...accountability, proposedSanctions: req.proposedSanctions, proposal: req.proposal },
      }),
      decideAccountability: async (req) => {
        if (req.id === MISSING_ID)
          throw new PreconditionError('WRONG_STATE', '该责任追究已作出决定，不能再次决定', {
            currentStatus: 'decided',
          });
        return {
          accountability: {
            ...accountability,
            state: req.dismiss
              ? S.AccountabilityState.ACCOUNTABILITY_STATE_DISMISSED
              : S.AccountabilityState.ACCOUNTABILITY_STATE_DECIDED,
            sanctions: req.sanctions,
            decision: req.decision,
            decidedBy: 'lead-zhou',
            decidedAt: at,
            version: 2,
          },
        };
      },
      listAccountabilities: async () => ({
        accountabilities: [accountability],
        page: { nextPageToken: '', total: 1 },
      }),
    }),
  ]);
  const fx = await routeFixture(
    'supervision',
    fake,
    fakeVerifier(TENANT, {
      supervisor: ['supervisor'],
      admin: ['center_admin'],
      clerk: ['window_clerk'],
      screen: ['hall_screen'],
    }),
    { LIVE_HEARTBEAT_MS: '10', ...extraConfig },
  );
  return Object.assign(fx, { nextFeed: () => feeds.next() });
}
