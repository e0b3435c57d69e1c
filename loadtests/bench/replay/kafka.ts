// The replay's Kafka side: its own topics (a prefix of the run, so the shared topics of the stack and the other
// sessions on it are never touched), the producer of the synthetic events, the consumer groups' lag, and the
// baseline: a bare kafkajs consumer that reads and decodes the same events and does nothing else.
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { applicationsV1, eventsV1 } from '@govhall/proto';
import { stack } from '@govhall/testing';
import { caseEventMessage } from './encode.ts';
import type { SyntheticEvent } from './lifecycles.ts';

export const CASE_TOPIC = 'govhall.applications.case';

/** Every topic supervision reads or writes (deploy/kafka/topics.txt), created under the run's prefix. */
export const SUPERVISION_TOPICS: readonly (readonly [string, number])[] = [
  [CASE_TOPIC, 3],
  ['govhall.catalogue.item', 3],
  ['govhall.catalogue.calendar', 1],
  ['govhall.identity.tenant', 3],
  ['govhall.identity.staff', 3],
  ['govhall.supervision.dlq', 1],
  ['govhall.supervision.signal', 3],
  ['govhall.supervision.violation', 3],
  ['govhall.supervision.order', 3],
  ['govhall.joint-review.review', 3],
  ['govhall.joint-review.escalation', 3],
  ['govhall.joint-review.delegated-case', 3],
  ['govhall.joint-review.external-case', 3],
  ['govhall.joint-review.meeting', 3],
];

export function benchKafka(clientId: string): Kafka {
  return new Kafka({ clientId, brokers: stack.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
}

export async function createTopics(admin: Admin, prefix: string, casePartitions: number): Promise<string[]> {
  const topics = SUPERVISION_TOPICS.map(([name, partitions]) => ({
    topic: prefix + name,
    numPartitions: name === CASE_TOPIC ? casePartitions : partitions,
    replicationFactor: 1,
  }));
  await admin.createTopics({ topics, waitForLeaders: true });
  return topics.map((t) => t.topic);
}

/** The sum of the topic's end offsets (= messages in it, for a topic of the run that nothing deleted from). */
export async function topicEnd(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);
}

/** Messages of the topic a group has committed past (0 before its first commit). */
export async function committed(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (offsets?.partitions ?? []).reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
}

/**
 * Produces the events in batches of `batch` messages (acks from the leader, several requests in flight), encoding
 * as it goes. Answers the number produced and how long it took.
 */
export async function produceEvents(
  kafka: Kafka,
  topic: string,
  events: Iterable<SyntheticEvent>,
  options: { batch?: number; inFlight?: number; progress?: (n: number) => void } = {},
): Promise<{ produced: number; seconds: number }> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: options.inFlight ?? 4 });
  await producer.connect();
  const started = performance.now();
  const pending = new Set<Promise<unknown>>();
  let produced = 0;
  let messages: ReturnType<typeof caseEventMessage>[] = [];
  const flush = async () => {
    const send: Promise<unknown> = producer.send({ topic, acks: 1, messages }).then(() => pending.delete(send));
    pending.add(send);
    produced += messages.length;
    messages = [];
    if (pending.size >= (options.inFlight ?? 4)) await Promise.race(pending);
    options.progress?.(produced);
  };
  try {
    for (const e of events) {
      messages.push(caseEventMessage(e));
      if (messages.length >= (options.batch ?? 2_000)) await flush();
    }
    if (messages.length) await flush();
    await Promise.all(pending);
  } finally {
    await producer.disconnect();
  }
  return { produced, seconds: (performance.now() - started) / 1000 };
}

/**
 * The baseline: a fresh group reads the topic from the beginning and decodes each envelope and its CaseTransitioned
 * (what every supervision consumer does before its handler), nothing else. Seconds until it has read `count`.
 */
export async function baselineRead(kafka: Kafka, topic: string, groupId: string, count: number): Promise<number> {
  const started = performance.now(); // from connecting, as supervision's figure counts from its start
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let read = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        const envelope = eventsV1.EventEnvelope.decode(m.value!);
        applicationsV1.CaseTransitioned.decode(envelope.payload);
        read++;
      }
      if (read >= count) done();
    },
  });
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return seconds;
}
