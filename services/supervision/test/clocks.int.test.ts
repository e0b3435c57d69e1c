import { JOINT_REVIEW_CLOCK_TOPICS } from '../src/adapters/kafka/joint-review-legs.consumer';
import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { Metadata, status } from '@grpc/grpc-js';
import { createWorkingCalendar } from '@govhall/calendar';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import {
  freePort,
  grpcFailure,
  stack,
  startEventReader,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  userToken,
  type EventReader,
  type RunningProcess,
} from '@govhall/testing';
import {
  caseActs,
  eventually,
  PASSWORD,
  startCasesWorld,
  YC,
  type Applicant,
  type CasesWorld,
} from '../../../gateway/test/cases-stack';

// Supervision's clocks and signals built from real cases: identity, the catalogue, the cases service and the
// gateway (startCasesWorld) and supervision, each its own process, against the real Kafka, Keycloak and FerretDB.
// Time passes without sleeping: the cases service's CLOCK_FILE (w.setClock) and supervision's own (setSupervisionNow).

const pb = supervisionV1;
const suffix = uniqueSuffix();
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-supervision-clock-'));
const clockFile = path.join(clockDir, 'now');
const groups = {
  journal: `supervision-clocks-it-j-${suffix}`,
  replayJournal: `supervision-clocks-it-rj-${suffix}`,
  clocks: `supervision-clocks-it-${suffix}`,
  replay: `supervision-clocks-it-replay-${suffix}`,
};

interface Supervision {
  process: RunningProcess;
  client: supervisionV1.SupervisionServiceClient;
}

let w: CasesWorld;
const acts = caseActs(() => w);
let applicant: Applicant;
let live: Supervision;
let signals: EventReader;
const supervisors = { yc: '', jcq: '', city: '' };

const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;
const setSupervisionNow = (day: string) => writeFileSync(clockFile, chinaNoon(day));
const setBoth = (day: string) => {
  w.setClock(chinaNoon(day));
  setSupervisionNow(day);
};

async function startSupervision(
  name: string,
  db: string,
  journalGroup: string,
  clocksGroup: string,
): Promise<Supervision> {
  const port = await freePort();
  const process = await startProcess({
    name,
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: db,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: journalGroup,
      KAFKA_CLOCKS_GROUP_ID: clocksGroup,
      KEYCLOAK_URL: stack.keycloakUrl,
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(port),
      METRICS_PORT: String(await freePort()),
      CLOCK_FILE: clockFile,
      CLOCK_REFRESH_INTERVAL_MS: '1000',
      OUTBOX_POLL_MS: '100',
    },
    readyPort: port,
  });
  const client = createGrpcClient(pb.SupervisionServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.supervision.v1.SupervisionService',
    idempotentMethods: ['GetMatterClock', 'ListClocks', 'ListSignals'],
  });
  return { process, client };
}

const auth = async (username: string) => ({
  authorization: `Bearer ${await userToken(username, { password: PASSWORD })}`,
});

const getClock = async (s: Supervision, matterId: string, who = supervisors.yc) =>
  (await callUnary(s.client.getMatterClock.bind(s.client), { matterId }, await auth(who))).clock!;

const listClocks = async (req: Partial<supervisionV1.ListClocksRequest>, who = supervisors.yc) =>
  callUnary(live.client.listClocks.bind(live.client), pb.ListClocksRequest.fromPartial(req), await auth(who));

const listSignals = async (matterId: string) =>
  (
    await callUnary(
      live.client.listSignals.bind(live.client),
      pb.ListSignalsRequest.fromPartial({ tenant: YC, matterId }),
      await auth(supervisors.yc),
    )
  ).signals;

async function createSupervisor(tenant: string, admin: string, tag: string): Promise<string> {
  const username = `s${suffix.slice(-6)}-${tag}`;
  const created = await w.api('POST', '/identity/staff', {
    token: await userToken(admin),
    body: {
      tenant,
      username,
      displayName: '监察测试人员',
      phone: '13909350000',
      roles: ['supervisor'],
      initialPassword: PASSWORD,
      permanentPassword: true,
    },
  });
  if (created.status !== 201) throw new Error(`supervisor ${tag}: ${created.status} ${JSON.stringify(created.body)}`);
  return username;
}

beforeAll(async () => {
  // Both clock groups start where the topics end now: the live one and, later, the replay into an empty database
  // read exactly this run's events (identity's staff and windows, the calendar override, the cases).
  for (const g of [groups.clocks, groups.replay]) await startGroupAtTopicEnd(g, [...CLOCK_TOPICS]);
  for (const g of [groups.journal, groups.replayJournal]) await startGroupAtTopicEnd(g, [...WATCHED_TOPICS]);
  for (const g of [groups.journal, groups.replayJournal])
    await startGroupAtTopicEnd(`${g}-legs`, [...JOINT_REVIEW_CLOCK_TOPICS]);
  signals = await startEventReader([{ topic: 'govhall.supervision.signal', partitions: 3 }]);
  writeFileSync(clockFile, '');
  live = await startSupervision('supervision-clocks', `govhall_supervision_c${suffix}`, groups.journal, groups.clocks);
  w = await startCasesWorld();
  supervisors.yc = await createSupervisor(YC, 'yc-admin', 'yc');
  supervisors.jcq = await createSupervisor('620302', 'jc-admin', 'jcq');
  supervisors.city = await createSupervisor('620300', 'jc-city-admin', 'city');
  applicant = await w.newApplicant('赵监察');
}, 300_000);

afterAll(async () => {
  live?.client.close();
  await live?.process.stop();
  await signals?.stop();
  await w?.stop();
  rmSync(clockDir, { recursive: true, force: true });
});

// 2026: Monday 7 December accepted; Wednesday the 9th made a local holiday by 永昌县; suspended Thursday the 10th,
// resumed Monday the 14th (two working days held).
const ACCEPTED = '2026-12-07';
const HOLIDAY = '2026-12-09';
let caseId = '';

describe('supervision clocks of real cases', () => {
  it('count across the tenant’s local holiday and a suspension, and agree with the cases service', async () => {
    const override = await w.api('PUT', `/catalogue/calendars/${YC}/overrides/${HOLIDAY}`, {
      token: await w.token('admin'),
      body: { working: false, reason: '地方节日（监察测试）' },
    });
    expect(override.status).toBe(200);

    setBoth(ACCEPTED);
    const c = await acts.accepted(applicant);
    caseId = c.id;
    // What was last seen goes into the failure: CI once timed out here with nothing else to read.
    let last: unknown;
    const accepted = await eventually(async () => {
      const clock = await getClock(live, c.id).catch((err: unknown) => void (last = String(err)));
      if (clock)
        last = { status: clock.status, state: clock.state, promised: clock.promised, version: clock.lastEventId };
      return clock?.status === 'processing' && clock;
    }, 'supervision to start the clock at acceptance').catch((err: Error) => {
      throw new Error(`${err.message}; last seen: ${JSON.stringify(last)}`);
    });
    expect(accepted).toMatchObject({
      tenant: YC,
      caseNumber: c.caseNumber,
      state: pb.ClockState.CLOCK_STATE_RUNNING,
      acceptedDate: ACCEPTED,
      asOfDate: ACCEPTED,
      promised: {
        startDate: ACCEPTED,
        dueDate: c.clocks.promised.dueDate,
        remainingWorkingDays: c.clocks.promised.limitWorkingDays,
      },
      statutory: { dueDate: c.clocks.statutory.dueDate },
    });
    expect(accepted.promised!.explanation.join('')).toContain('地方节日（监察测试）');
    // Without the override the promised limit would end a working day earlier.
    expect(
      createWorkingCalendar().addWorkingDays(ACCEPTED, c.clocks.promised.limitWorkingDays) < c.clocks.promised.dueDate,
    ).toBe(true);

    const reviewer = await w.token('reviewer');
    setBoth('2026-12-10');
    await acts.act(c.id, 'suspend', reviewer, { procedure: '检验', reason: '食品样品送检', plannedWorkingDays: 3 });
    const paused = await eventually(async () => {
      const clock = await getClock(live, c.id);
      return clock.state === pb.ClockState.CLOCK_STATE_PAUSED && clock;
    }, 'the clock to pause');
    expect(paused.promised!.dueDate).toBe('');

    setBoth('2026-12-14');
    const resumed = await acts.act(c.id, 'resume', reviewer);
    const running = await eventually(async () => {
      const clock = await getClock(live, c.id);
      return clock.state === pb.ClockState.CLOCK_STATE_RUNNING && clock.pauses.length === 1 && clock;
    }, 'the clock to run again');
    expect(running.pauses[0]).toMatchObject({
      kind: 'suspension',
      procedure: '检验',
      startedDate: '2026-12-10',
      endedDate: '2026-12-14',
      workingDays: 2,
    });
    expect(running.promised).toMatchObject({
      dueDate: resumed.clocks.promised.dueDate,
      pausedWorkingDays: resumed.clocks.promised.suspendedWorkingDays,
    });
    expect(running.statutory!.dueDate).toBe(resumed.clocks.statutory.dueDate);
    expect(running.promised!.explanation.join('')).toContain('暂停计时（特别程序：检验）');
  });

  it('raise and clear signals as supervision’s time passes with no new event, told live and on Kafka', async () => {
    const watch = live.client.watchLive(
      pb.WatchLiveRequest.fromPartial({ tenant: YC }),
      metadataOf((await auth(supervisors.yc)).authorization),
    );
    const updates: supervisionV1.WatchLiveResponse[] = [];
    watch.on('data', (u: supervisionV1.WatchLiveResponse) => updates.push(u));
    watch.on('error', () => undefined);
    await new Promise((resolve) => watch.once('metadata', resolve));

    const clock = await getClock(live, caseId);
    // One working day of the promised limit left: 预警.
    const dayBeforeDue = (await w.calendar([2026])).addWorkingDays(
      '2026-12-14',
      clock.promised!.remainingWorkingDays - 1,
    );
    setSupervisionNow(dayBeforeDue);
    const warned = await eventually(async () => {
      const all = await listSignals(caseId);
      return all.find((s) => s.rule === 'promised.warning') && all;
    }, 'a 预警 raised by the timer');
    const warning = warned.find((s) => s.rule === 'promised.warning')!;
    expect(warning).toMatchObject({
      level: pb.SignalLevel.SIGNAL_LEVEL_WARNING,
      tenant: YC,
      caseNumber: clock.caseNumber,
      reason: expect.stringContaining('剩余1个工作日'),
    });
    expect(warning.notified).toEqual(
      expect.arrayContaining([
        `window_lead:${w.login.clerk}`,
        `department_head:${w.login.head}`,
        `supervisor:${supervisors.yc}`,
      ]),
    );
    expect(warning.notified).not.toContain(`supervisor:${supervisors.jcq}`);

    // Past the statutory limit: 黄牌 and 红牌, the 预警 cleared.
    setSupervisionNow('2026-12-29');
    const late = await eventually(async () => {
      const all = await listSignals(caseId);
      return all.some((s) => s.rule === 'statutory.exceeded') && all.some((s) => s.rule === 'promised.exceeded') && all;
    }, '黄牌 and 红牌 raised by the timer');
    expect(late.find((s) => s.rule === 'statutory.exceeded')).toMatchObject({
      level: pb.SignalLevel.SIGNAL_LEVEL_RED,
      reason: expect.stringMatching(/^已超过法定办理时限\d+个工作日$/),
    });
    expect(late.find((s) => s.id === warning.id)).toMatchObject({
      clearedReason: '已超过承诺办结时限，转为黄牌',
      clearedAt: expect.any(Date),
    });
    expect((await getClock(live, caseId)).signal).toBe(pb.SignalLevel.SIGNAL_LEVEL_RED);

    const published = await eventually(async () => {
      await signals.caughtUp();
      const events = signals.of('govhall.supervision.signal', caseId);
      return (
        events.filter((e) => e.envelope.type.endsWith('SignalRaised')).length >= 3 &&
        events.some((e) => e.envelope.type.endsWith('SignalCleared')) &&
        events
      );
    }, 'SignalRaised and SignalCleared on govhall.supervision.signal');
    expect(published.filter((e) => e.envelope.type === 'govhall.supervision.v1.SignalCleared')).toHaveLength(1);

    const seen = await eventually(async () => {
      const raised = updates
        .filter((u) => u.update?.update?.$case === 'signalRaised')
        .map((u) => (u.update!.update as { value: supervisionV1.Signal }).value);
      return raised.some((s) => s.matterId === caseId && s.level === pb.SignalLevel.SIGNAL_LEVEL_RED) && raised;
    }, 'the 红牌 on the live stream');
    expect(seen.every((s) => s.tenant === YC)).toBe(true);
    watch.cancel();
  });

  it('a district supervisor cannot read a sibling’s clocks; the city supervisor sees its districts; bad input is refused', async () => {
    const hidden = await grpcFailure(getClock(live, caseId, supervisors.jcq));
    expect(hidden.code).toBe(status.NOT_FOUND);
    const sibling = await grpcFailure(listClocks({ tenant: YC }, supervisors.jcq));
    expect(sibling).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'TENANT_OUT_OF_SCOPE' });
    const own = await listClocks({ tenant: '620302' }, supervisors.jcq);
    expect(own.clocks.map((c) => c.matterId)).not.toContain(caseId);

    const city = await listClocks(
      {
        tenant: '620300',
        includeSubordinates: true,
        minSignal: pb.SignalLevel.SIGNAL_LEVEL_RED,
        page: { pageSize: 100, pageToken: '' },
      },
      supervisors.city,
    );
    expect(city.clocks.map((c) => c.matterId)).toContain(caseId);
    expect(city.clocks.every((c) => c.tenant.startsWith('6203'))).toBe(true);

    const bad = await grpcFailure(listClocks({ tenant: '62x' }));
    expect(bad).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'VALIDATION_FAILED' });
    expect(bad.violations).toEqual([expect.objectContaining({ path: 'tenant', message: '地区代码应为6位数字' })]);
  });

  it('a replay of the topics into an empty database rebuilds identical clocks', async () => {
    const replay = await startSupervision(
      'supervision-replay',
      `govhall_supervision_r${suffix}`,
      groups.replayJournal,
      groups.replay,
    );
    try {
      // The replay reads the case topic and the calendar topic independently: the case events may be counted
      // before the 永昌县 holiday arrives, and the holiday then recounts the tenant's clocks. Wait for the end state.
      let rebuilt: supervisionV1.MatterClock | undefined;
      await eventually(
        async () => {
          rebuilt = await getClock(replay, caseId).catch(() => undefined);
          return rebuilt !== undefined && isDeepStrictEqual(rebuilt, await getClock(live, caseId));
        },
        'the replay to catch up',
        60_000,
      ).catch(() => undefined);
      expect(rebuilt).toEqual(await getClock(live, caseId));
    } finally {
      replay.client.close();
      await replay.process.stop();
    }
  });
});

function metadataOf(authorization: string): Metadata {
  const m = new Metadata();
  m.set('authorization', authorization);
  return m;
}
