import { createKafka, createProducer, type Producer } from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { MongoClient, stack, type ReadEvent } from '@govhall/testing';
import { startSupervision, VIOLATION_TOPIC, type SupervisionUnderTest } from './violation-world';

/**
 * Supervision's automatic detection under test: supervision as its own process (startSupervision), a producer that
 * publishes the other services' events as their relays would, the database to read what was stored, and the
 * ViolationRecorded events announced under a violation's id.
 */
export interface DetectionWorld {
  s: SupervisionUnderTest;
  producer: Producer;
  mongo: MongoClient;
  recorded(violationId: string): ReadEvent[];
  /** Stops the producer and the process and drops the database. */
  stop(): Promise<void>;
}

export async function startDetectionWorld(clientId: string): Promise<DetectionWorld> {
  const mongo = await MongoClient.connect(stack.mongoUri);
  const s = await startSupervision();
  const producer = await createProducer(
    createKafka(clientId, stack.kafkaBrokers.split(','), createLogger('test', 'warn')),
  );
  return {
    s,
    producer,
    mongo,
    recorded: (id) =>
      s.events.all(VIOLATION_TOPIC).filter((e) => e.envelope.type.endsWith('ViolationRecorded') && e.key === id),
    async stop() {
      await producer.disconnect();
      await s.stop();
      await mongo.db(s.db).dropDatabase();
      await mongo.close();
    },
  };
}
