import { CLOCK_TOPICS } from '../src/adapters/kafka/clocks.consumer';
import { EXTERNAL_CASE_TOPIC, JOINT_REVIEW_CLOCK_TOPICS } from '../src/adapters/kafka/joint-review-legs.consumer';
import { WATCHED_TOPICS } from '../src/adapters/kafka/journal.consumer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { buildEnvelope, encodeEnvelope } from '@govhall/kafka';
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

// Cases run entirely in a department system (J16) clocked by supervision as matters of their own (ADR 0052): real
// ExternalCaseEventReported envelopes, as the joint-review service publishes them, on
// govhall.joint-review.external-case keyed "<tenant>:<department>:<case number>"; supervision as its own process
// against the real Kafka, FerretDB and Keycloak, read through its gRPC. Time passes through its CLOCK_FILE; a later
// event of the same case (same key, same partition) is the barrier that the ones before it were applied.
const pb = supervisionV1;
const jr = jointReviewV1;
const K = jr.ExternalEventKind;
const suffix = uniqueSuffix();
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-supervision-external-'));
const clockFile = path.join(clockDir, 'now');
const setDay = (day: string) => writeFileSync(clockFile, `${day}T04:00:00.000Z`);
const TENANT = '620321';
const DEPARTMENT = `620321-SC${suffix.replace(/[^A-Za-z0-9]/g, '').slice(-6)}`;
const caseId = (number: string) => `${TENANT}:${DEPARTMENT}:${number}`;

let supervision: RunningProcess;
let client: supervisionV1.SupervisionServiceClient;
let token: string;
const kafka = new Kafka({
  clientId: 'supervision-external-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });

beforeAll(async () => {
  const port = await freePort();
  const groups = { journal: `supervision-ext-it-${suffix}`, clocks: `supervision-ext-it-c-${suffix}` };
  const legsGroup = `supervision-ext-it-l-${suffix}`;
  // New groups start where the shared topics end now: only this run's events are read.
  await startGroupAtTopicEnd(groups.journal, [...WATCHED_TOPICS]);
  await startGroupAtTopicEnd(groups.clocks, [...CLOCK_TOPICS]);
  await startGroupAtTopicEnd(legsGroup, [...JOINT_REVIEW_CLOCK_TOPICS]);
  setDay('2026-11-02'); // a Monday
  supervision = await startProcess({
    name: 'supervision-external',
    entry: 'services/supervision/dist/main.js',
    env: {
      MONGODB_URI: stack.mongoUri,
      MONGODB_DB: `govhall_supervision_x${suffix}`,
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
let seq = 0;

/** ExternalCaseEventReported as external-case-events.ts builds it: keyed by the case, version 0. */
function reported(
  number: string,
  kind: jointReviewV1.ExternalEventKind,
  at: string,
  over: Partial<jointReviewV1.ExternalCaseEvent> = {},
) {
  seq += 1;
  const id = caseId(number);
  const envelope = buildEnvelope({
    type: 'govhall.joint_review.v1.ExternalCaseEventReported',
    codec: jr.ExternalCaseEventReported,
    payload: jr.ExternalCaseEventReported.fromPartial({
      event: jr.ExternalCaseEvent.fromPartial({
        eventId: `ev-${seq}`,
        formatVersion: '1',
        tenant: TENANT,
        department: DEPARTMENT,
        caseNumber: number,
        itemBasicCode: '000117002000',
        itemName: '食品经营许可',
        kind,
        occurredAt: new Date(at),
        handlerName: '王*',
        handlerId: '0012',
        ...over,
      }),
      externalCaseId: id,
      reportedBy: 'service:scjg-system',
    }),
    tenant: TENANT,
    aggregateId: id,
    aggregateVersion: 0,
    actor: commonV1.Actor.fromPartial({
      kind: commonV1.ActorKind.ACTOR_KIND_SERVICE,
      username: 'service:scjg-system',
      tenant: TENANT,
      department: DEPARTMENT,
    }),
    occurredAt: new Date(at),
  });
  return { envelopeId: envelope.id, message: { key: id, value: encodeEnvelope(envelope) } };
}

const getClock = async (matterId: string) =>
  (await callUnary(client.getMatterClock.bind(client), { matterId }, auth())).clock!;

/** Sends the case's events and waits until the last one was applied (the clock names it as its last event). */
async function sendAndWait(...events: ReturnType<typeof reported>[]) {
  await producer.send({ topic: EXTERNAL_CASE_TOPIC, messages: events.map((e) => e.message) });
  const last = events.at(-1)!;
  const matterId = last.message.key; // the external case id is the key
  return waitFor(
    async () => {
      try {
        const clock = await getClock(matterId);
        return clock.lastEventId === last.envelopeId ? clock : undefined;
      } catch {
        return undefined;
      }
    },
    { what: `event ${last.envelopeId} of ${matterId}` },
  );
}

const signalsOf = async (matterId: string) =>
  (
    await callUnary(
      client.listSignals.bind(client),
      pb.ListSignalsRequest.fromPartial({ tenant: TENANT, matterId }),
      auth(),
    )
  ).signals;

describe('cases run in department systems clocked by supervision', () => {
  it('clocks a case from receipt to 办结 against its promised limit, paused by a §45 procedure', async () => {
    const A = 'SC-2026-0001';
    // Received and accepted on Monday (3 working days promised, 10 statutory); 检验 from Tuesday to Thursday; a fee
    // assessed afterwards is the barrier.
    const running = await sendAndWait(
      reported(A, K.EXTERNAL_EVENT_KIND_RECEIVED, '2026-11-02T01:00:00Z', {
        applicantName: '张*',
        channel: jr.ExternalChannel.EXTERNAL_CHANNEL_ONLINE,
        promisedLimitWorkingDays: 3,
        statutoryLimitWorkingDays: 10,
      }),
      reported(A, K.EXTERNAL_EVENT_KIND_ACCEPTED, '2026-11-02T02:00:00Z'),
      reported(A, K.EXTERNAL_EVENT_KIND_SUSPENDED, '2026-11-03T02:00:00Z', {
        procedure: '检验',
        plannedWorkingDays: 2,
      }),
      reported(A, K.EXTERNAL_EVENT_KIND_RESUMED, '2026-11-05T02:00:00Z'),
      reported(A, K.EXTERNAL_EVENT_KIND_FEE_ASSESSED, '2026-11-05T03:00:00Z', { feeFen: 1000 }),
    );
    expect(running).toMatchObject({
      matterId: caseId(A),
      kind: pb.MatterKind.MATTER_KIND_CASE,
      tenant: TENANT,
      department: DEPARTMENT,
      caseNumber: A,
      itemName: '食品经营许可',
      applicantName: '张*',
      channel: 'online',
      status: 'processing',
      state: pb.ClockState.CLOCK_STATE_RUNNING,
      receivedDate: '2026-11-02',
      acceptedDate: '2026-11-02',
      responsibleRole: 'department_head',
    });
    // Due Thursday 11-05, moved by the two paused working days.
    expect(running.promised).toMatchObject({ limitWorkingDays: 3, dueDate: '2026-11-09' });
    expect(running.statutory).toMatchObject({ limitWorkingDays: 10 });
    expect(running.pauses).toMatchObject([
      { kind: 'suspension', procedure: '检验', startedDate: '2026-11-03', endedDate: '2026-11-05' },
    ]);

    // Wednesday 11-11: two working days past the promise (the timer, no event).
    setDay('2026-11-11');
    const yellow = await waitFor(
      async () => (await signalsOf(caseId(A))).find((s) => s.level === pb.SignalLevel.SIGNAL_LEVEL_YELLOW),
      { what: '黄牌 on the late external case' },
    );
    expect(yellow).toMatchObject({
      rule: 'promised.exceeded',
      reason: '已超过承诺办结时限2个工作日',
      department: DEPARTMENT,
    });

    // Approved and issued that day: 办结, late, its signals cleared.
    const done = await sendAndWait(
      reported(A, K.EXTERNAL_EVENT_KIND_DECIDED, '2026-11-11T02:00:00Z', {
        outcome: jr.ExternalOutcome.EXTERNAL_OUTCOME_APPROVED,
      }),
      reported(A, K.EXTERNAL_EVENT_KIND_RESULT_ISSUED, '2026-11-11T03:00:00Z', { licenceNumber: 'JY16203210000001' }),
    );
    expect(done).toMatchObject({
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      status: 'completed',
      endedDate: '2026-11-11',
      onTime: false,
      signal: pb.SignalLevel.SIGNAL_LEVEL_NONE,
    });
    expect((await signalsOf(caseId(A))).find((s) => s.id === yellow.id)).toMatchObject({ clearedReason: '办件已办结' });
  }, 120_000);

  it('ends a withdrawn case, and clocks nothing before acceptance', async () => {
    const B = 'SC-2026-0002';
    const received = await sendAndWait(
      reported(B, K.EXTERNAL_EVENT_KIND_RECEIVED, '2026-11-02T01:00:00Z', {
        channel: jr.ExternalChannel.EXTERNAL_CHANNEL_COUNTER,
        promisedLimitWorkingDays: 1,
        statutoryLimitWorkingDays: 5,
      }),
    );
    expect(received).toMatchObject({ status: 'received', state: pb.ClockState.CLOCK_STATE_NOT_STARTED });
    const withdrawn = await sendAndWait(reported(B, K.EXTERNAL_EVENT_KIND_WITHDRAWN, '2026-11-11T02:00:00Z'));
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      state: pb.ClockState.CLOCK_STATE_STOPPED,
      endedDate: '2026-11-11',
    });
    expect(await signalsOf(caseId(B))).toEqual([]);
  }, 120_000);
});
