import { createKafka, decodeEnvelope, type Consumer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import type { eventsV1 } from '@govhall/proto';
import { stack, uniqueSuffix, waitFor } from './stack';

export interface ReadEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  envelope: eventsV1.EventEnvelope;
}

export interface EventReader {
  /** Every event read so far from a topic, in the order read. */
  all(topic: string): ReadEvent[];
  /** Messages of a topic that are not an event envelope (other tests put poison messages on shared topics). */
  undecodable(topic: string): { partition: number; offset: string; key: string }[];
  /** Events of one aggregate read so far from a topic, in the order read (optionally of one payload type). */
  of(topic: string, aggregateId: string, type?: string): ReadEvent[];
  /** Waits until everything published to the topics up to now has been read, so counts are final. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads the topics from the beginning with a consumer group of its own and decodes every envelope, for tests that
 * check which events a service published (exactly once, with which actor and payload). Topics missing from the running broker are created first: it does not
 * auto-create them, and deploy/stack/start.sh creates those of deploy/kafka/topics.txt only when Kafka starts.
 * Resolves once the consumer has joined its group, so nothing published afterwards can be missed. A message that
 * is not an envelope is set aside, not thrown: a throw would stop the consumer at it for good.
 */
export async function startEventReader(topics: { topic: string; partitions: number }[]): Promise<EventReader> {
  const kafka = createKafka(
    'govhall-test-events',
    stack.kafkaBrokers.split(','),
    createLogger('govhall-test-events', 'warn'),
  );
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.topic));
  if (missing.length) {
    await admin.createTopics({
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
      waitForLeaders: true,
    });
  }
  const groupId = `events-it-${uniqueSuffix()}`;
  const events: ReadEvent[] = [];
  const poison: { topic: string; partition: number; offset: string; key: string }[] = [];
  const read = new Map<string, bigint>(); // "topic/partition" → highest offset read
  // A short fetch wait: closing the reader waits for its open fetch (5 s by default).
  const consumer: Consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  for (const { topic } of topics) await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      read.set(`${topic}/${partition}`, BigInt(message.offset));
      if (!message.value) return;
      const key = message.key?.toString() ?? '';
      let envelope: eventsV1.EventEnvelope;
      try {
        envelope = decodeEnvelope(message.value);
      } catch {
        poison.push({ topic, partition, offset: message.offset, key });
        return;
      }
      events.push({ topic, partition, offset: message.offset, key, envelope });
    },
  });
  await joined;

  return {
    all: (topic) => events.filter((e) => e.topic === topic),
    undecodable: (topic) => poison.filter((p) => p.topic === topic).map(({ topic: _, ...p }) => p),
    of: (topic, aggregateId, type) =>
      events.filter(
        (e) => e.topic === topic && e.envelope.aggregateId === aggregateId && (!type || e.envelope.type === type),
      ),
    async caughtUp() {
      const ends = await Promise.all(
        topics.map(async ({ topic }) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })),
      );
      await waitFor(
        async () =>
          ends.every(({ topic, offsets }) =>
            offsets.every(
              (p) =>
                BigInt(p.high) === BigInt(p.low) || (read.get(`${topic}/${p.partition}`) ?? -1n) >= BigInt(p.high) - 1n,
            ),
          ),
        { timeoutMs: 60_000, what: `the reader to reach the end of ${topics.map((t) => t.topic).join(', ')}` },
      );
    },
    async stop() {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
