import { randomUUID } from 'node:crypto';
import { MongoClient, MongoNetworkError, type Db } from 'mongodb';
import { Kafka, logLevel, Partitioners, type IHeaders, type KafkaMessage, type Producer } from 'kafkajs';
import { commonV1 } from '@govhall/proto';
import { createLogger } from '@govhall/logging';
import {
  DLQ_HEADER,
  INBOX_SWEEP_STATE_ID,
  buildEnvelope,
  encodeEnvelope,
  inboxEntry,
  readDeadLetters,
  replayOf,
  startConsumer,
  sweepInbox,
  type Consumer,
  type InboxEntry,
  type ReceivedEvent,
} from '@govhall/kafka';
import { expectIndexServed, stack, uniqueSuffix, waitFor } from '../src';

// The consumer of @govhall/kafka against the real broker and database: a message that can never be handled goes
// to the dead-letter topic after its attempts and the partition goes on; a transient failure is waited out, not
// dead-lettered; the inbox forgets handled ids after its retention.
const suffix = uniqueSuffix();
const topic = `govhall.test.consume-${suffix}`;
const deadLetterTopic = `govhall.test.consume-${suffix}.dlq`;
const groupId = `consume-test-${suffix}`;
const dbName = `govhall_kit_c${suffix}`;
const logger = createLogger('consumer-dlq-test', 'silent');
const DAY = 86_400_000;

const kafka = new Kafka({
  clientId: 'consumer-dlq-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
let producer: Producer;
let mongo: MongoClient;
let db: Db;
const consumers: Consumer[] = [];
const extraTopics: string[] = [];
const extraGroups: string[] = [];

beforeAll(async () => {
  mongo = await MongoClient.connect(stack.mongoUri);
  db = mongo.db(dbName);
  await admin.connect();
  await admin.createTopics({
    topics: [
      { topic, numPartitions: 1, replicationFactor: 1 }, // one partition: the poison sits in front of the rest
      { topic: deadLetterTopic, numPartitions: 1, replicationFactor: 1 },
    ],
    waitForLeaders: true,
  });
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
});

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.disconnect()));
  await producer?.disconnect();
  // Deleted only now: the shared producer refreshes the metadata of every topic it sent to, and a topic deleted
  // in between makes that refresh fail for the next test's new topic.
  await admin.deleteGroups([groupId, ...extraGroups]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic, deadLetterTopic, ...extraTopics] }).catch(() => undefined);
  await admin.disconnect();
  await db?.dropDatabase();
  await mongo?.close();
});

const actor: commonV1.Actor = {
  kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
  subject: 'test',
  username: 'test',
  tenant: '620321',
  roles: [],
  department: '',
  onBehalfOf: '',
};

function event(type: string) {
  const envelope = buildEnvelope({
    type,
    codec: commonV1.TenantRef,
    payload: { regionCode: '620321' },
    tenant: '620321',
    aggregateId: randomUUID(),
    aggregateVersion: 1,
    actor,
  });
  return { envelope, value: encodeEnvelope(envelope) };
}

const header = (headers: IHeaders | undefined, name: string) => headers?.[name]?.toString();

describe('a consumer that cannot jam', () => {
  it('dead-letters an undecodable message at once and a rejected event after its attempts, waits out a transient failure, and goes on with the partition', async () => {
    const inbox = db.collection<InboxEntry>('inbox');
    const start = new Date('2026-03-01T08:00:00Z');
    // Handled 40 days before the consumer starts: the sweep the consumer runs at start removes it.
    await inbox.insertOne(inboxEntry('handled-long-ago', 'old', new Date(start.getTime() - 40 * DAY)));

    const rejected = event('govhall.test.v1.Rejected');
    const flaky = event('govhall.test.v1.Flaky');
    const later = event('govhall.test.v1.Later');
    const calls = new Map<string, number>();
    const handledIds: string[] = [];
    const waits: number[] = [];
    let fixed = false;
    const handle = async ({ envelope }: ReceivedEvent) => {
      const n = (calls.get(envelope.type) ?? 0) + 1;
      calls.set(envelope.type, n);
      if (envelope.type === rejected.envelope.type && !fixed)
        throw new Error(`rule refuses applicant 620321199001011234, attempt ${n}`);
      // The database "down" for 6 attempts: more than maxAttempts, but transient, so never dead-lettered.
      if (envelope.type === flaky.envelope.type && n <= 6) throw new MongoNetworkError('connection 4 closed');
      handledIds.push(envelope.id);
    };
    consumers.push(
      await startConsumer({
        kafka,
        groupId,
        topics: [topic],
        logger,
        inbox,
        handlers: {},
        otherTypes: handle,
        deadLetterTopic,
        retry: { maxAttempts: 3, initialBackoffMs: 100, maxBackoffMs: 400 },
        now: () => start,
        sleep: async (ms) => void waits.push(ms), // no real waiting
      }),
    );

    await producer.send({
      topic,
      messages: [
        {
          key: 'poison-bytes',
          value: Buffer.from('not a protobuf envelope \u0000\u00ff'),
          headers: { origin: 'test-a' },
        },
        {
          key: rejected.envelope.aggregateId,
          value: rejected.value,
          headers: { origin: 'test-b', 'event-id': rejected.envelope.id },
        },
        { key: flaky.envelope.aggregateId, value: flaky.value },
        { key: later.envelope.aggregateId, value: later.value },
      ],
    });

    // The later message on the same partition is the barrier: once it is handled, the poison is behind.
    await waitFor(async () => handledIds.includes(later.envelope.id), {
      timeoutMs: 60_000,
      what: 'the message behind the poison to be handled',
    });
    expect(handledIds).toEqual([flaky.envelope.id, later.envelope.id]);
    expect(calls.get(rejected.envelope.type)).toBe(3);
    expect(calls.get(flaky.envelope.type)).toBe(7);
    // Rejected: waits 100, 200 after its first two failures; flaky: 100, 200, 400, 400, 400, 400.
    expect(waits.reduce((a, b) => a + b, 0)).toBe(300 + 1900);

    const letters = await readDeadLetters(kafka, deadLetterTopic); // what the operators' `list` reads
    expect(letters).toHaveLength(2);
    const [decode, handler] = letters as [KafkaMessage, KafkaMessage];
    expect(decode.key?.toString()).toBe('poison-bytes');
    expect(decode.value?.toString()).toBe('not a protobuf envelope \u0000\u00ff');
    expect(header(decode.headers, 'origin')).toBe('test-a');
    expect(header(decode.headers, DLQ_HEADER.reason)).toBe('decode');
    expect(header(decode.headers, DLQ_HEADER.attempts)).toBe('1');
    expect(header(decode.headers, DLQ_HEADER.offset)).toBe('0');
    expect(header(decode.headers, DLQ_HEADER.errorMessage)).toBeTruthy();

    expect(handler.key?.toString()).toBe(rejected.envelope.aggregateId);
    expect(Buffer.compare(handler.value!, rejected.value)).toBe(0);
    expect(header(handler.headers, 'origin')).toBe('test-b');
    expect(header(handler.headers, 'event-id')).toBe(rejected.envelope.id);
    expect({
      topic: header(handler.headers, DLQ_HEADER.topic),
      partition: header(handler.headers, DLQ_HEADER.partition),
      offset: header(handler.headers, DLQ_HEADER.offset),
      group: header(handler.headers, DLQ_HEADER.group),
      attempts: header(handler.headers, DLQ_HEADER.attempts),
      reason: header(handler.headers, DLQ_HEADER.reason),
      at: header(handler.headers, DLQ_HEADER.deadLetteredAt),
      eventId: header(handler.headers, DLQ_HEADER.eventId),
      eventType: header(handler.headers, DLQ_HEADER.eventType),
      error: header(handler.headers, DLQ_HEADER.errorMessage),
    }).toEqual({
      topic,
      partition: '0',
      offset: '1',
      group: groupId,
      attempts: '3',
      reason: 'handler',
      at: start.toISOString(),
      eventId: rejected.envelope.id,
      eventType: rejected.envelope.type,
      error: 'rule refuses applicant 6203**********1234, attempt 3',
    });
    expect(header(handler.headers, DLQ_HEADER.errorStack)).toMatch(/^at /);

    // The dead-lettered event is not in the inbox (a replay handles it); the handled ones are, dated by the clock.
    await waitFor(async () => (await inbox.countDocuments({ _id: 'handled-long-ago' })) === 0, {
      what: 'the sweep at start to expire the 40-day-old entry',
    });
    const entries = await inbox.find({ _id: { $ne: INBOX_SWEEP_STATE_ID } }).toArray();
    expect(entries.map((e) => e._id).sort()).toEqual([flaky.envelope.id, later.envelope.id].sort());
    expect(entries.every((e) => e.handledAt.getTime() === start.getTime() && e.day === '2026-03-01')).toBe(true);

    // The group committed past everything: a restart would not see the poison again.
    await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        return offsets?.partitions[0]?.offset === '4';
      },
      { what: 'the committed offset to pass the last message' },
    );

    // Replaying the dead letter after the cause is fixed handles the event (it was never recorded as handled).
    const replay = replayOf(handler);
    expect(replay.topic).toBe(topic);
    fixed = true; // the cause is fixed: the handler now accepts it
    await producer.send({ topic: replay.topic, messages: [replay.message] });
    await waitFor(async () => handledIds.includes(rejected.envelope.id), { what: 'the replayed event to be handled' });
  });

  it('handles runs of events together, and a run with a poison event one at a time: the poison dead-lettered alone, every other event handled exactly once', async () => {
    const runTopic = `${topic}.runs`;
    const runGroup = `${groupId}-runs`;
    await admin.createTopics({
      topics: [{ topic: runTopic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const inbox = db.collection<InboxEntry>('inbox_runs');
    const good = Array.from({ length: 12 }, () => event('govhall.test.v1.Good'));
    const poison = event('govhall.test.v1.Poison');
    const single = event('govhall.test.v1.Single'); // not batchable: handled on its own between runs
    const marker = event('govhall.test.v1.Good');
    // The first six together, then the single one, then a run holding the poison, then the marker.
    const sent = [...good.slice(0, 6), single, ...good.slice(6, 9), poison, ...good.slice(9), marker];
    const runs: string[][] = [];
    const handledIds: string[] = [];
    const one = async ({ envelope }: ReceivedEvent) => {
      if (envelope.type === poison.envelope.type) throw new Error('poison');
      handledIds.push(envelope.id);
    };
    const t0 = new Date('2026-03-02T08:00:00Z');
    consumers.push(
      await startConsumer({
        kafka,
        groupId: runGroup,
        topics: [runTopic],
        logger,
        inbox,
        handlers: {},
        otherTypes: one,
        batch: {
          accepts: (type) => type !== single.envelope.type,
          handle: async (events) => {
            runs.push(events.map((e) => e.envelope.id));
            if (events.some((e) => e.envelope.type === poison.envelope.type)) throw new Error('poison in the run');
            handledIds.push(...events.map((e) => e.envelope.id));
          },
        },
        deadLetterTopic,
        retry: { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 10 },
        now: () => t0,
        sleep: async () => undefined,
      }),
    );
    await producer.send({
      topic: runTopic,
      messages: sent.map((e) => ({ key: 'one-key', value: e.value })),
    });
    await waitFor(async () => handledIds.includes(marker.envelope.id), {
      timeoutMs: 60_000,
      what: 'the marker behind the poison to be handled',
    });
    // Every event but the poison handled once, in order; the poison not handled.
    expect(handledIds).toEqual(sent.filter((e) => e !== poison).map((e) => e.envelope.id));
    // A run was really given at once (one fetch holds all 15 here), and the failed run was not retried as a run.
    expect(runs[0]).toEqual(good.slice(0, 6).map((e) => e.envelope.id));
    expect(runs.filter((r) => r.includes(poison.envelope.id))).toHaveLength(1);
    const letters = await readDeadLetters(kafka, deadLetterTopic);
    expect(letters.filter((l) => header(l.headers, DLQ_HEADER.eventId) === poison.envelope.id)).toHaveLength(1);
    const entries = await inbox.find({ _id: { $ne: INBOX_SWEEP_STATE_ID } }).toArray();
    expect(entries.map((e) => e._id).sort()).toEqual(handledIds.slice().sort());
    extraTopics.push(runTopic);
    extraGroups.push(runGroup);
  });

  it('keeps its place in the group while a run takes longer than the session timeout (no inbox: each event is given once)', async () => {
    const slowTopic = `${topic}.slow`;
    const slowGroup = `${groupId}-slow`;
    await admin.createTopics({
      topics: [{ topic: slowTopic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const sent = Array.from({ length: 5 }, () => event('govhall.test.v1.Good'));
    const given: string[] = [];
    let first = true;
    consumers.push(
      await startConsumer({
        kafka,
        groupId: slowGroup,
        topics: [slowTopic],
        logger,
        inbox: 'none',
        handlers: {},
        otherTypes: async ({ envelope }) => void given.push(envelope.id),
        batch: {
          accepts: () => true,
          handle: async (events) => {
            // The first run outlasts the 15 s session timeout: without heartbeats meanwhile the member would be
            // thrown out, its commit refused and the run given again after the rebalance.
            if (first) {
              first = false;
              await new Promise((resolve) => setTimeout(resolve, 20_000));
            }
            given.push(...events.map((e) => e.envelope.id));
          },
        },
        deadLetterTopic,
      }),
    );
    await producer.send({ topic: slowTopic, messages: sent.map((e) => ({ key: 'k', value: e.value })) });
    await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: slowGroup, topics: [slowTopic] });
        return offsets?.partitions[0]?.offset === '5';
      },
      { timeoutMs: 60_000, what: 'the slow run to be committed' },
    );
    // A barrier: one more event handled after the commit; nothing of the slow run came again before it.
    const marker = event('govhall.test.v1.Good');
    await producer.send({ topic: slowTopic, messages: [{ key: 'k', value: marker.value }] });
    await waitFor(async () => given.includes(marker.envelope.id), { timeoutMs: 60_000, what: 'the marker' });
    expect(given).toEqual([...sent, marker].map((e) => e.envelope.id));
    extraTopics.push(slowTopic);
    extraGroups.push(slowGroup);
  }, 120_000);

  it('expires inbox entries after the retention, one indexed day at a time, and keeps the recent ones', async () => {
    const inbox = db.collection<InboxEntry>('inbox_sweep');
    await inbox.createIndex({ day: 1 }, { name: 'day_1' });
    const now = new Date('2026-05-20T10:00:00Z');
    const retentionMs = 30 * DAY;
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    await inbox.insertMany([
      inboxEntry('old-1', 't', at(45)),
      inboxEntry('old-2', 't', at(31.5)),
      { _id: 'legacy-old', type: 't', handledAt: at(60) }, // written before entries had a day
      inboxEntry('recent', 't', at(29)),
      inboxEntry('today', 't', now),
    ]);

    expect(await sweepInbox(inbox, { retentionMs, now })).toBe(3);
    const left = async () =>
      (await inbox.find({ _id: { $ne: INBOX_SWEEP_STATE_ID } }).toArray()).map((e) => e._id).sort();
    expect(await left()).toEqual(['recent', 'today']);

    // Ten days later (the clock moved, no waiting): 'recent' is now 39 days old and goes; new entries stay.
    const later = new Date(now.getTime() + 10 * DAY);
    await inbox.insertOne(inboxEntry('new', 't', later));
    expect(await sweepInbox(inbox, { retentionMs, now: later })).toBe(1);
    expect(await left()).toEqual(['new', 'today']);
    expect(await sweepInbox(inbox, { retentionMs, now: later })).toBe(0); // nothing twice

    // The sweep's per-day delete is served by the inbox's day index on the local store.
    await inbox.insertMany(Array.from({ length: 2000 }, (_, i) => inboxEntry(`bulk-${i}`, 't', at(i % 20))));
    await expectIndexServed(inbox as never, { day: '2026-05-01' });
  });
});
