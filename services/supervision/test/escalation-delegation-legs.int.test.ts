import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import {
  DELEGATED_CASE_TOPIC,
  ESCALATION_TOPIC,
  JOINT_REVIEW_CLOCK_TOPICS,
} from '../src/adapters/kafka/joint-review-legs.consumer';
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

// The legs of escalations (上报件: forwarding at the lower tenant, handling at the parent) and of delegated cases
// (代受理: transfer, department, reply) clocked by supervision (issue 13, ADR 0052): real Leg* envelopes, as the
// joint-review service writes them, on govhall.joint-review.escalation and govhall.joint-review.delegated-case,
// keyed by the aggregate; supervision as its own process against the real Kafka, FerretDB and Keycloak, read
// through its gRPC. Time passes through its CLOCK_FILE; a later leg of the same aggregate (same key, same
// partition) is the barrier that the events before it were applied.
const pb = supervisionV1;
const jr = jointReviewV1;
const suffix = uniqueSuffix();
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-supervision-other-legs-'));
const clockFile = path.join(clockDir, 'now');
const setDay = (day: string) => writeFileSync(clockFile, `${day}T04:00:00.000Z`);
const tag = suffix.replace(/[^A-Za-z0-9]/g, '').slice(-6);
const LOWER = '620321';
const PARENT = '620300';
const LOWER_DEPARTMENT = `620321-FG${tag}`;
const PARENT_DEPARTMENT = `620300-FG${tag}`;
const WINDOW_DEPARTMENT = `620321-ZH${tag}`;
const ENTRUSTING_DEPARTMENT = `620321-WT${tag}`;
const WINDOW = `w-${randomUUID()}`;
// One escalation record per side, and one delegated case.
const LOWER_RECORD = randomUUID();
const PARENT_RECORD = randomUUID();
const DELEGATED = randomUUID();

type Kind = 'escalation_forward' | 'escalation_handling' | 'delegated_transfer' | 'delegated_department';
const KINDS: Record<Kind, jointReviewV1.LegKind> = {
  escalation_forward: jr.LegKind.LEG_KIND_ESCALATION_FORWARD,
  escalation_handling: jr.LegKind.LEG_KIND_ESCALATION_HANDLING,
  delegated_transfer: jr.LegKind.LEG_KIND_DELEGATED_TRANSFER,
  delegated_department: jr.LegKind.LEG_KIND_DELEGATED_DEPARTMENT,
};

let supervision: RunningProcess;
let client: supervisionV1.SupervisionServiceClient;
let token: string;
const kafka = new Kafka({
  clientId: 'supervision-other-legs-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

beforeAll(async () => {
  const port = await freePort();
  const groups = { journal: `supervision-olegs-it-${suffix}`, clocks: `supervision-olegs-it-c-${suffix}` };
  const legsGroup = `supervision-olegs-it-l-${suffix}`;
  // New groups start where the shared topics end now: only this run's leg events are read.
  await startGroupAtTopicEnd(groups.journal, [...WATCHED_TOPICS]);
  await startGroupAtTopicEnd(groups.clocks, [...CLOCK_TOPICS]);
  await startGroupAtTopicEnd(legsGroup, [...JOINT_REVIEW_CLOCK_TOPICS]);
  setDay('2026-11-02'); // a Monday
  supervision = await startProcess({
    name: 'supervision-other-legs',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `govhall_supervision_ol${suffix}`,
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
    idempotentMethods: ['GetMatterClock', 'ListClocks', 'ListSignals'],
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
const legId = (aggregate: string, kind: Kind, n: number) => `${aggregate}:${kind}:${n}`;

/** A running leg of `aggregate` as the joint-review service publishes it; 3 working days from Monday 11-02. */
function leg(aggregate: string, kind: Kind, n: number, over: Partial<jointReviewV1.Leg> = {}) {
  return jr.Leg.fromPartial({
    id: legId(aggregate, kind, n),
    kind: KINDS[kind],
    tenant: LOWER,
    department: LOWER_DEPARTMENT,
    caseId: `case-${aggregate}`,
    caseNumber: '620321-20261102-0077',
    itemName: '企业投资项目核准',
    itemBasicCode: '000127001000',
    aggregateId: aggregate,
    budgetWorkingDays: 3,
    startDate: '2026-11-02',
    dueDate: '2026-11-05',
    state: jr.LegState.LEG_STATE_RUNNING,
    startedAt: new Date('2026-11-02T02:00:00Z'),
    startedBy: 'system',
    casePromisedDueDate: '2026-11-30',
    ...over,
  });
}

const finished = (l: jointReviewV1.Leg, end: jointReviewV1.LegEnd, at: string) =>
  jr.Leg.fromPartial({
    ...l,
    state: jr.LegState.LEG_STATE_FINISHED,
    end,
    finishedAt: new Date(at),
    finishedBy: 'system',
  });

/** An envelope as joint-review-events.ts builds it: keyed by its aggregate, at the aggregate's version. */
function message<T>(name: string, codec: MessageFns<T>, payload: T, aggregate: string, tenant: string, v: number) {
  const envelope = buildEnvelope({
    type: `govhall.joint_review.v1.${name}`,
    codec,
    payload,
    tenant,
    aggregateId: aggregate,
    aggregateVersion: v,
    actor: commonV1.Actor.fromPartial({ kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM, username: 'joint-review' }),
  });
  return { key: aggregate, value: encodeEnvelope(envelope) };
}
const legMessage =
  (type: 'LegStarted' | 'LegPaused' | 'LegResumed' | 'LegFinished') => (l: jointReviewV1.Leg, v: number) =>
    message(type, jr[type] as MessageFns<{ leg?: jointReviewV1.Leg }>, { leg: l }, l.aggregateId, l.tenant, v);
const started = legMessage('LegStarted');
const paused = legMessage('LegPaused');
const resumed = legMessage('LegResumed');
const ended = legMessage('LegFinished');

const getClock = async (matterId: string) =>
  (await callUnary(client.getMatterClock.bind(client), { matterId }, auth())).clock!;

/** Waits until the marker leg is clocked: every event of its aggregate produced before it has been applied. */
const barrier = (matterId: string) =>
  waitFor(
    async () => {
      try {
        return await getClock(matterId);
      } catch {
        return undefined;
      }
    },
    { what: `marker leg ${matterId}` },
  );

const listClocks = async (tenant: string, req: Partial<supervisionV1.ListClocksRequest> = {}) =>
  (await callUnary(client.listClocks.bind(client), pb.ListClocksRequest.fromPartial({ tenant, ...req }), auth()))
    .clocks;

const signalsOf = async (tenant: string, matterId: string) =>
  (await callUnary(client.listSignals.bind(client), pb.ListSignalsRequest.fromPartial({ tenant, matterId }), auth()))
    .signals;

const yellowOf = (tenant: string, matterId: string) =>
  waitFor(async () => (await signalsOf(tenant, matterId)).find((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_YELLOW), {
    what: `黄牌 on ${matterId}`,
  });

describe('escalation and delegated-case legs clocked by supervision', () => {
  it('clocks each leg on its own: forwarding in time, handling held while waiting, a department leg cancelled', async () => {
    // The lower center forwards within its 2 days; its window's record also carries an event that is no leg.
    const forward = leg(LOWER_RECORD, 'escalation_forward', 1, {
      windowId: WINDOW,
      budgetWorkingDays: 2,
      dueDate: '2026-11-04',
    });
    // The parent's handling: 3 days from Monday, at the parent tenant; the lower center must supplement on Tuesday.
    const handling = leg(PARENT_RECORD, 'escalation_handling', 1, {
      tenant: PARENT,
      department: PARENT_DEPARTMENT,
      taskId: `task-${PARENT_RECORD}`,
      responsible: '',
      counterpartTenant: LOWER,
    });
    const waiting = jr.LegPause.fromPartial({
      reason: jr.PauseReason.PAUSE_REASON_WAITING_FOR_SENDER,
      note: '退回补充',
      startedAt: new Date('2026-11-03T02:00:00Z'),
    });
    // The delegated case: the center's window transfers on Monday, the entrusting department has 1 day.
    const transfer = leg(DELEGATED, 'delegated_transfer', 1, {
      department: WINDOW_DEPARTMENT,
      windowId: WINDOW,
      budgetWorkingDays: 1,
      dueDate: '2026-11-03',
    });
    const department = leg(DELEGATED, 'delegated_department', 1, {
      department: ENTRUSTING_DEPARTMENT,
      taskId: `task-${DELEGATED}`,
      budgetWorkingDays: 1,
      dueDate: '2026-11-03',
    });
    await producer.send({
      topic: ESCALATION_TOPIC,
      messages: [
        started(forward, 2),
        message('TaskOpened', jr.TaskOpened, { task: jr.Task.fromPartial({ id: 'task-x' }) }, LOWER_RECORD, LOWER, 2),
        ended(finished(forward, jr.LegEnd.LEG_END_COMPLETED, '2026-11-03T03:00:00Z'), 3),
        started(handling, 1),
        paused(jr.Leg.fromPartial({ ...handling, state: jr.LegState.LEG_STATE_PAUSED, pauses: [waiting] }), 2),
        started(leg(LOWER_RECORD, 'escalation_forward', 2), 4),
        started(leg(PARENT_RECORD, 'escalation_handling', 9, { tenant: PARENT, department: PARENT_DEPARTMENT }), 3),
      ],
    });
    await producer.send({
      topic: DELEGATED_CASE_TOPIC,
      messages: [
        started(transfer, 1),
        ended(finished(transfer, jr.LegEnd.LEG_END_COMPLETED, '2026-11-02T08:00:00Z'), 2),
        started(department, 2),
        started(leg(DELEGATED, 'delegated_department', 9, { department: ENTRUSTING_DEPARTMENT }), 3),
      ],
    });
    await barrier(legId(LOWER_RECORD, 'escalation_forward', 2));
    await barrier(legId(PARENT_RECORD, 'escalation_handling', 9));
    await barrier(legId(DELEGATED, 'delegated_department', 9));

    // The forwarding leg finished on Tuesday, before Wednesday's due date: stopped, on time, at its window.
    expect(await getClock(forward.id)).toMatchObject({
      kind: pb.MatterKind.MATTER_KIND_JOINT_REVIEW_LEG,
      tenant: LOWER,
      department: LOWER_DEPARTMENT,
      windowId: WINDOW,
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      status: 'completed',
      endedDate: '2026-11-03',
      onTime: true,
      promised: expect.objectContaining({ limitWorkingDays: 2, dueDate: '2026-11-04', remainingWorkingDays: 1 }),
    });
    expect((await getClock(forward.id)).promised!.explanation[0]).toMatch(/^上报报送时限：/);
    // The transfer leg is the window's: listed by its window and its department.
    expect((await listClocks(LOWER, { windowId: WINDOW })).map((c) => c.matterId).sort()).toEqual(
      [forward.id, transfer.id].sort(),
    );
    expect((await listClocks(LOWER, { department: WINDOW_DEPARTMENT })).map((c) => c.matterId)).toEqual([transfer.id]);
    expect(await getClock(transfer.id)).toMatchObject({ status: 'completed', endedDate: '2026-11-02', onTime: true });

    // The handling leg, at the parent tenant, waits for the sender: paused, its due date not yet moved.
    const held = await getClock(handling.id);
    expect(held).toMatchObject({
      tenant: PARENT,
      department: PARENT_DEPARTMENT,
      state: pb.ClockState.CLOCK_STATE_PAUSED,
      responsibleRole: 'department_head',
    });
    expect(held.pauses).toMatchObject([
      { kind: 'sender', reason: '等待下级中心补充材料', startedDate: '2026-11-03', endedDate: '' },
    ]);
    expect((await listClocks(PARENT, { department: PARENT_DEPARTMENT })).map((c) => c.matterId).sort()).toEqual(
      [handling.id, legId(PARENT_RECORD, 'escalation_handling', 9)].sort(),
    );
    // No other event made a matter: only the legs are clocked.
    expect((await listClocks(LOWER, { department: LOWER_DEPARTMENT })).map((c) => c.matterId).sort()).toEqual(
      [forward.id, legId(LOWER_RECORD, 'escalation_forward', 2)].sort(),
    );

    // Thursday: the lower center has supplemented; the handling leg runs again, due two working days later.
    const back = jr.LegPause.fromPartial({
      ...waiting,
      endedAt: new Date('2026-11-05T02:00:00Z'),
      pausedWorkingDays: 2,
    });
    await producer.send({
      topic: ESCALATION_TOPIC,
      messages: [
        resumed(jr.Leg.fromPartial({ ...handling, dueDate: '2026-11-09', pauses: [back] }), 4),
        started(leg(PARENT_RECORD, 'escalation_handling', 10, { tenant: PARENT, department: PARENT_DEPARTMENT }), 5),
      ],
    });
    await barrier(legId(PARENT_RECORD, 'escalation_handling', 10));
    expect(await getClock(handling.id)).toMatchObject({
      state: pb.ClockState.CLOCK_STATE_RUNNING,
      promised: expect.objectContaining({ limitWorkingDays: 3, dueDate: '2026-11-09' }),
    });

    // Wednesday 11-11: the handling leg is two working days past its moved due date, the department leg six (the
    // timer, no event); the forwarding and transfer legs stopped and stay quiet.
    setDay('2026-11-11');
    const handlingYellow = await yellowOf(PARENT, handling.id);
    expect(handlingYellow).toMatchObject({ rule: 'promised.exceeded', reason: '已超过上级办理时限2个工作日' });
    expect(handlingYellow.department).toBe(PARENT_DEPARTMENT);
    const departmentYellow = await yellowOf(LOWER, department.id);
    expect(departmentYellow).toMatchObject({
      reason: '已超过部门办理时限6个工作日',
      department: ENTRUSTING_DEPARTMENT,
    });
    expect(await signalsOf(LOWER, forward.id)).toEqual([]);
    // The one-day transfer leg had 预警 from its start, cleared when it finished; nothing since.
    expect((await signalsOf(LOWER, transfer.id)).map((s) => [s.level, s.clearedReason])).toEqual([
      [pb.SignalLevel.SIGNAL_LEVEL_WARNING, '代受理转办已完成'],
    ]);
    expect((await signalsOf(PARENT, handling.id)).some((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_RED)).toBe(false);

    // The delegated case is withdrawn: the department's leg is cancelled, closed unjudged, its 黄牌 cleared.
    await producer.send({
      topic: DELEGATED_CASE_TOPIC,
      messages: [
        ended(finished(department, jr.LegEnd.LEG_END_CANCELLED, '2026-11-11T03:00:00Z'), 4),
        started(leg(DELEGATED, 'delegated_department', 10, { department: ENTRUSTING_DEPARTMENT }), 5),
      ],
    });
    await barrier(legId(DELEGATED, 'delegated_department', 10));
    expect(await getClock(department.id)).toMatchObject({
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      status: 'cancelled',
      endedDate: '2026-11-11',
      signal: pb.SignalLevel.SIGNAL_LEVEL_NONE,
    });
    const after = await signalsOf(LOWER, department.id);
    expect(after.find((s) => s.id === departmentYellow.id)).toMatchObject({
      clearedReason: '部门办理已取消，不予评判',
    });
    expect(after.every((s) => s.clearedAt !== undefined)).toBe(true);
    // The handling leg is still judged.
    expect((await getClock(handling.id)).signal).toBe(pb.SignalLevel.SIGNAL_LEVEL_YELLOW);
  }, 120_000);
});
