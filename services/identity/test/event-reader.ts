import { createKafka, decodeEnvelope, type Consumer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import type { eventsV1 } from '@govhall/proto';
import { stack, uniqueSuffix, waitFor } from '@govhall/testing';

export interface ReadEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  envelope: eventsV1.EventEnvelope;
}

export interface EventReader {
  /** Events of one aggregate read so far from a topic, in the order read (optionally of one payload type). */
  of(topic: string, aggregateId: string, type?: string): ReadEvent[];
  /** Waits until everything published to the topics up to now has been read, so counts are final. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads topics from the beginning with a group of its own and decodes every envelope. Topics missing from the
 * running broker are created first: it does not auto-create them and deploy/stack/start.sh creates those of
 * deploy/kafka/topics.txt only when Kafka starts (a no-op on a stack started after the topic was listed).
 */
export async function startEventReader(topics: { topic: string; partitions: number }[]): Promise<EventReader> {
  const kafka = createKafka('identity-it', stack.kafkaBrokers.split(','), createLogger('identity-it', 'warn'));
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: topics.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
    waitForLeaders: true,
  });
  const groupId = `identity-it-${uniqueSuffix()}`;
  const events: ReadEvent[] = [];
  const read = new Map<string, bigint>(); // "topic/partition" → highest offset read
  const consumer: Consumer = kafka.consumer({ groupId });
  await consumer.connect();
  for (const { topic } of topics) await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      read.set(`${topic}/${partition}`, BigInt(message.offset));
      if (!message.value) return;
      events.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? '',
        envelope: decodeEnvelope(message.value),
      });
    },
  });

  return {
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
        { timeoutMs: 30_000, what: `the reader to reach the end of ${topics.map((t) => t.topic).join(', ')}` },
      );
    },
    async stop() {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
