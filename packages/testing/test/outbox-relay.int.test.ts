import { randomUUID } from 'node:crypto';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { Kafka, logLevel } from 'kafkajs';
import { commonV1 } from '@govhall/proto';
import { createLogger } from '@govhall/logging';
import {
  OutboxRelay,
  buildEnvelope,
  createKafka,
  createProducer,
  decodeEnvelope,
  toOutboxMessage,
  type Producer,
} from '@govhall/kafka';
import { stack, uniqueSuffix, waitFor } from '../src';

// Two relay replicas over one collection, against the real database and broker: every message arrives,
// per-aggregate order holds, and every outbox ends empty.
const suffix = uniqueSuffix();
const topic = `govhall.test.outbox-${suffix}`;
const logger = createLogger('outbox-test', 'silent');
const codec = commonV1.TenantRef;
const actor: commonV1.Actor = {
  kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
  subject: 'test',
  username: 'test',
  tenant: '620321',
  roles: [],
  department: '',
  onBehalfOf: '',
};

let mongo: MongoClient;
let collection: Collection<Document>;
const producers: Producer[] = [];
const relays: OutboxRelay[] = [];
const admin = new Kafka({
  clientId: 'outbox-test-admin',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
}).admin();

beforeAll(async () => {
  mongo = await MongoClient.connect(stack.mongoUri);
  collection = mongo.db(`govhall_kit_k${suffix}`).collection('aggregates');
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await Promise.all(producers.map((p) => p.disconnect()));
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await mongo.db(`govhall_kit_k${suffix}`).dropDatabase();
  await mongo.close();
});

function outboxFor(aggregateId: string, version: number) {
  return toOutboxMessage(
    topic,
    buildEnvelope({
      type: 'govhall.common.v1.TenantRef',
      codec,
      payload: { regionCode: '620321' },
      tenant: '620321',
      aggregateId,
      aggregateVersion: version,
      actor,
    }),
  );
}

it('delivers every message of 40 aggregates once per id, in order per aggregate, with two relays running', async () => {
  const ids = Array.from({ length: 40 }, () => randomUUID());
  await collection.insertMany(
    ids.map((id) => ({
      _id: id as never,
      version: 2,
      outbox: [outboxFor(id, 1), outboxFor(id, 2)],
      outboxPending: true, // as @govhall/mongo outboxFields writes it
    })),
  );

  const received: { key: string; version: number; id: string }[] = [];
  const consumer = createKafka('outbox-test-consumer', stack.kafkaBrokers.split(','), logger).consumer({
    groupId: `outbox-test-${suffix}`,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const envelope = decodeEnvelope(message.value!);
      received.push({ key: message.key!.toString(), version: envelope.aggregateVersion, id: envelope.id });
    },
  });

  // Each batch is offered to beforeSend first, its values as bytes (stored, they read back as BSON binary).
  const offered = new Set<string>();
  const beforeSend = async (messages: { value: Buffer }[]) => {
    for (const m of messages) offered.add(decodeEnvelope(m.value).id);
  };
  for (let i = 0; i < 2; i++) {
    const producer = await createProducer(createKafka(`outbox-test-${i}`, stack.kafkaBrokers.split(','), logger));
    producers.push(producer);
    const relay = new OutboxRelay({
      collections: [collection],
      producer,
      logger,
      pollMs: 100,
      batchSize: 10,
      beforeSend,
    });
    relays.push(relay);
    relay.start();
  }

  await waitFor(async () => new Set(received.map((r) => r.id)).size === 80, {
    timeoutMs: 60_000,
    what: '80 distinct events',
  });
  await waitFor(async () => (await collection.countDocuments({ 'outbox.0': { $exists: true } })) === 0, {
    what: 'empty outboxes',
  });
  await consumer.disconnect();
  expect([...offered].sort()).toEqual([...new Set(received.map((r) => r.id))].sort());

  for (const id of ids) {
    const versions = received.filter((r) => r.key === id).map((r) => r.version);
    expect(versions[0]).toBe(1); // version 1 always arrives first on the aggregate's partition
    expect(versions).toContain(2);
  }
  const docs = await collection.find({}).toArray();
  expect(docs.every((d) => (d.outbox as unknown[]).length === 0 && !d.outboxLease && !d.outboxPending)).toBe(true);
}, 120_000);
