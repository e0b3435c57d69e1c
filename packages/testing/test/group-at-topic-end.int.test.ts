import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { stack, startGroupAtTopicEnd, uniqueSuffix, waitFor } from '../src';

// startGroupAtTopicEnd against the real broker: the group it prepares holds the topic's end on every partition and
// no member, so the consumer that joins next is assigned at once and reads only what is produced after.
const suffix = uniqueSuffix();
const topic = `govhall.test.group-end-${suffix}`;
const groupId = `group-end-test-${suffix}`;
const PARTITIONS = 3;

const kafka = new Kafka({
  clientId: 'group-end-test',
  brokers: stack.kafkaBrokers.split(','),
  logLevel: logLevel.NOTHING,
});
const admin = kafka.admin();
let producer: Producer;
let consumer: Consumer | undefined;

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
});

afterAll(async () => {
  await consumer?.disconnect();
  await producer.disconnect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

const toEveryPartition = (value: string) =>
  producer.send({
    topic,
    messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value })),
  });

it('leaves the group empty at the end of every partition; the next member reads only what comes after', async () => {
  for (let i = 0; i < 5; i++) await toEveryPartition(`old-${i}`);

  await startGroupAtTopicEnd(groupId, [topic]);

  const [described] = (await admin.describeGroups([groupId])).groups;
  expect(described!.members).toEqual([]);
  const committed = (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions;
  expect(committed.map((p) => [p.partition, p.offset]).sort()).toEqual(
    (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]).sort(),
  );

  const received: { partition: number; value: string }[] = [];
  consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      received.push({ partition, value: message.value!.toString() });
    },
  });
  await toEveryPartition('new');
  // Each partition's 'new' is a barrier: anything older on that partition would have been delivered before it.
  await waitFor(async () => received.length >= PARTITIONS, { what: 'the new message on every partition' });
  expect(received.map((r) => r.value)).toEqual(Array(PARTITIONS).fill('new'));
});
