import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import { JOINT_REVIEW_CLOCK_TOPICS, JOINT_REVIEW_TOPIC } from '../src/adapters/kafka/joint-review-legs.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { buildEnvelope, encodeEnvelope, type MessageFns } from '@govhall/kafka';
import { commonV1, jointReviewV1, supervisionV1 } from '@govhall/proto';
import {
  clientToken,
  freePort,
  stack,
  startGroupAtTopicEnd,
  startProcess,
  uniqueSuffix,
  waitFor,
  type RunningProcess,
} from '@govhall/testing';

// Each department's leg of a joint review clocked by supervision (issue 13, ADR 0052): real LegStarted and
// LegFinished envelopes, as the joint-review service writes them, on govhall.joint-review.review; supervision as its
// own process against the real Kafka, FerretDB and Keycloak, read through its gRPC. Time passes through its
// CLOCK_FILE; a later leg event of the same review (same key, same partition) is the barrier that the ones before
// it were applied.
const pb = supervisionV1;
const jr = jointReviewV1;
const suffix = uniqueSuffix();
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-supervision-legs-'));
const clockFile = path.join(clockDir, 'now');
const setDay = (day: string) => writeFileSync(clockFile, `${day}T04:00:00.000Z`);
const DEPARTMENT = `620321-ZJ${suffix.replace(/[^A-Za-z0-9]/g, '').slice(-6)}`;
const REVIEW = randomUUID();
const legId = (n: number) => `${REVIEW}:co_review:${n}`;

let supervision: RunningProcess;
let client: supervisionV1.SupervisionServiceClient;
let token: string;
const kafka = new Kafka({
  clientId: 'supervision-legs-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

beforeAll(async () => {
  const port = await freePort();
  const groups = { journal: `supervision-legs-it-${suffix}`, clocks: `supervision-legs-it-c-${suffix}` };
  const legsGroup = `supervision-legs-it-l-${suffix}`;
  // New groups start where the shared topics end now: only this run's leg events are read.
  await startGroupAtTopicEnd(groups.journal, [...WATCHED_TOPICS]);
  await startGroupAtTopicEnd(groups.clocks, [...CLOCK_TOPICS]);
  await startGroupAtTopicEnd(legsGroup, [...JOINT_REVIEW_CLOCK_TOPICS]);
  setDay('2026-11-02'); // a Monday: a 3-day leg started that day is due Thursday 11-05
  supervision = await startProcess({
    name: 'supervision-legs',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `govhall_supervision_l${suffix}`,
      KAFKA_BROKERS: stack.kafkaBrokers,
      KAFKA_GROUP_ID: groups.journal,
      KAFKA_CLOCKS_GROUP_ID: groups.clocks,
      JOINT_REVIEW_LEGS_GROUP_ID: legsGroup,
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
  client = createGrpcClient(pb.SupervisionServiceClient, `127.0.0.1:${port}`, {
    serviceName: 'govhall.supervision.v1.SupervisionService',
    idempotentMethods: ['GetMatterClock', 'ListClocks', 'ListSignals', 'ListRecordedEvents'],
  });
  await producer.connect();
  token = await clientToken('govhall-internal', 'govhall-internal-secret');
}, 120_000);

afterAll(async () => {
  await producer.disconnect();
  client?.close();
  await supervision?.stop();
  rmSync(clockDir, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${token}` });

const leg = (n: number, over: Partial<jointReviewV1.Leg> = {}) =>
  jr.Leg.fromPartial({
    id: legId(n),
    kind: jr.LegKind.LEG_KIND_CO_REVIEW,
    tenant: '620321',
    department: DEPARTMENT,
    caseId: `case-${REVIEW}`,
    caseNumber: '620321-20261102-0042',
    itemName: '建设工程规划许可',
    itemBasicCode: '000173002000',
    aggregateId: REVIEW,
    taskId: `task-${n}`,
    responsible: 'ycx-zjj',
    budgetWorkingDays: 3,
    startDate: '2026-11-02',
    dueDate: '2026-11-05',
    state: jr.LegState.LEG_STATE_RUNNING,
    startedAt: new Date('2026-11-02T02:00:00Z'),
    startedBy: 'system',
    casePromisedDueDate: '2026-11-20',
    ...over,
  });

const finished = (n: number, end: jointReviewV1.LegEnd, at: string) =>
  leg(n, { state: jr.LegState.LEG_STATE_FINISHED, end, finishedAt: new Date(at), finishedBy: 'ycx-zjj' });

/** An envelope as joint-review-events.ts builds it: keyed by the review, at the review's version. */
function message<T>(name: string, codec: MessageFns<T>, payload: T, version: number) {
  const envelope = buildEnvelope({
    type: `govhall.joint_review.v1.${name}`,
    codec,
    payload,
    tenant: '620321',
    aggregateId: REVIEW,
    aggregateVersion: version,
    actor: commonV1.Actor.fromPartial({ kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM, username: 'joint-review' }),
  });
  return { key: REVIEW, value: encodeEnvelope(envelope) };
}
const started = (l: jointReviewV1.Leg, version: number) => message('LegStarted', jr.LegStarted, { leg: l }, version);
const ended = (l: jointReviewV1.Leg, version: number) => message('LegFinished', jr.LegFinished, { leg: l }, version);

const getClock = async (matterId: string) =>
  (await callUnary(client.getMatterClock.bind(client), { matterId }, auth())).clock!;

/** Waits until the barrier leg is clocked: every event of the review produced before it has been applied. */
const barrier = (n: number) =>
  waitFor(
    async () => {
      try {
        return await getClock(legId(n));
      } catch {
        return undefined;
      }
    },
    { what: `barrier leg ${n}` },
  );

const listClocks = async (req: Partial<supervisionV1.ListClocksRequest>) =>
  (
    await callUnary(
      client.listClocks.bind(client),
      pb.ListClocksRequest.fromPartial({ tenant: '620321', department: DEPARTMENT, ...req }),
      auth(),
    )
  ).clocks;

const signalsOf = async (matterId: string) =>
  (
    await callUnary(
      client.listSignals.bind(client),
      pb.ListSignalsRequest.fromPartial({ tenant: '620321', matterId }),
      auth(),
    )
  ).signals;

describe('joint review legs clocked by supervision', () => {
  it('clocks each leg with its budget and due date, gives 黄牌 past it, and stops a finished leg', async () => {
    // Two legs start together (one write of the review); the second finishes on Wednesday; a late redelivery of
    // its start changes nothing; a third leg is the barrier.
    await producer.send({
      topic: JOINT_REVIEW_TOPIC,
      messages: [
        started(leg(1), 2),
        started(leg(2), 2),
        message('TaskOpened', jr.TaskOpened, { task: jr.Task.fromPartial({ id: 'task-x' }) }, 2),
        ended(finished(2, jr.LegEnd.LEG_END_COMPLETED, '2026-11-04T03:00:00Z'), 3),
        started(leg(2), 2),
        started(leg(3), 4),
      ],
    });
    await barrier(3);

    const running = await getClock(legId(1));
    expect(running).toMatchObject({
      matterId: legId(1),
      kind: pb.MatterKind.MATTER_KIND_JOINT_REVIEW_LEG,
      tenant: '620321',
      department: DEPARTMENT,
      caseNumber: '620321-20261102-0042',
      itemName: '建设工程规划许可',
      responsible: 'ycx-zjj',
      status: 'running',
      state: pb.ClockState.CLOCK_STATE_RUNNING,
      acceptedDate: '2026-11-02',
      signal: pb.SignalLevel.SIGNAL_LEVEL_NONE,
    });
    expect(running.promised).toMatchObject({ limitWorkingDays: 3, dueDate: '2026-11-05', remainingWorkingDays: 3 });
    expect(running.promised!.explanation[0]).toMatch(/^协办审查时限：/);

    const done = await getClock(legId(2));
    expect(done).toMatchObject({
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      status: 'completed',
      endedDate: '2026-11-04',
      onTime: true,
    });
    expect(done.promised).toMatchObject({ dueDate: '2026-11-05', elapsedWorkingDays: 2, remainingWorkingDays: 1 });

    const listed = await listClocks({});
    expect(listed.map((c) => c.matterId).sort()).toEqual([legId(1), legId(2), legId(3)].sort());
    expect((await listClocks({ openOnly: true })).map((c) => c.matterId).sort()).toEqual([legId(1), legId(3)].sort());

    // Monday 11-09: two working days past the due date (the timer, no event).
    setDay('2026-11-09');
    const yellow = await waitFor(
      async () => (await signalsOf(legId(1))).find((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_YELLOW),
      { what: '黄牌 on the overdue leg' },
    );
    expect(yellow).toMatchObject({ rule: 'promised.exceeded', reason: '已超过协办审查时限2个工作日' });
    expect(yellow.department).toBe(DEPARTMENT);
    expect((await getClock(legId(1))).signal).toBe(pb.SignalLevel.SIGNAL_LEVEL_YELLOW);
    expect((await listClocks({ minSignal: pb.SignalLevel.SIGNAL_LEVEL_YELLOW })).map((c) => c.matterId).sort()).toEqual(
      [legId(1), legId(3)].sort(),
    );
    // The finished leg stopped: no signal, however late it is now; never 红牌 for a leg.
    expect(await signalsOf(legId(2))).toEqual([]);
    expect((await getClock(legId(2))).state).toBe(pb.ClockState.CLOCK_STATE_STOPPED);
    expect((await signalsOf(legId(1))).some((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_RED)).toBe(false);

    // The overdue leg is cancelled (the lead concluded without its opinion): closed unjudged, its 黄牌 cleared.
    await producer.send({
      topic: JOINT_REVIEW_TOPIC,
      messages: [ended(finished(1, jr.LegEnd.LEG_END_CANCELLED, '2026-11-09T03:00:00Z'), 5), started(leg(4), 6)],
    });
    await barrier(4);
    expect(await getClock(legId(1))).toMatchObject({
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      status: 'cancelled',
      endedDate: '2026-11-09',
      signal: pb.SignalLevel.SIGNAL_LEVEL_NONE,
    });
    const after = await signalsOf(legId(1));
    expect(after.find((s) => s.id === yellow.id)).toMatchObject({ clearedReason: '协办审查已取消，不予评判' });
    expect(after.every((s) => s.clearedAt !== undefined)).toBe(true);

    // The journal watches the joint-review topics too: it recorded every event of the review sent above (the late
    // redelivery of leg 2's start is an envelope of its own), each with its topic. Its own group: wait for the last.
    const journal = await waitFor(
      async () => {
        const { events } = await callUnary(client.listRecordedEvents.bind(client), { aggregateId: REVIEW }, auth());
        return events.some((e) => Number(e.aggregateVersion) === 6) ? events : undefined;
      },
      { what: "the review's last event in the journal" },
    );
    expect(
      journal.map((e) => `${e.type.replace('govhall.joint_review.v1.', '')}@${e.aggregateVersion}`).sort(),
    ).toEqual(
      [
        'LegStarted@2',
        'LegStarted@2',
        'TaskOpened@2',
        'LegFinished@3',
        'LegStarted@2',
        'LegStarted@4',
        'LegFinished@5',
        'LegStarted@6',
      ].sort(),
    );
    expect(new Set(journal.map((e) => e.topic))).toEqual(new Set([JOINT_REVIEW_TOPIC]));
    expect(journal.every((e) => e.tenant === '620321')).toBe(true);
  }, 120_000);
});
