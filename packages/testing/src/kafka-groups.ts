import { commitGroupOffsets, type GroupOffset } from '@govhall/kafka';
import { Kafka, logLevel } from 'kafkajs';
import { stack } from './stack';

/**
 * Commits the current end of each topic as the starting offset of a consumer group that has not started yet, so
 * a service under test (whose new group would otherwise read the topic from the beginning, as a journal must)
 * begins with the messages the test produces — not behind every event earlier tests left on the shared broker.
 */
export async function startGroupAtTopicEnd(groupId: string, topics: readonly string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'govhall-test-offsets',
    brokers: stack.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const ends: GroupOffset[] = [];
  try {
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic))
        ends.push({ topic, partition: p.partition, offset: p.high });
    }
  } finally {
    await admin.disconnect();
  }
  await commitGroupOffsets(kafka, groupId, ends);
}
