import {
  buildEnvelope,
  createKafka,
  createProducer,
  encodeEnvelope,
  systemActor,
  type MessageFns,
  type Producer,
} from '@govhall/kafka';
import { createLogger } from '@govhall/logging';
import { commonV1, type eventsV1 } from '@govhall/proto';
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
  /** Publishes the envelope on `topic` under `key` (default: its aggregate's id), as the other service's relay. */
  send(topic: string, envelope: eventsV1.EventEnvelope, key?: string): Promise<unknown>;
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
    send: (topic, envelope, key = envelope.aggregateId) =>
      producer.send({ topic, messages: [{ key, value: encodeEnvelope(envelope) }] }),
    async stop() {
      await producer.disconnect();
      await s.stop();
      await mongo.db(s.db).dropDatabase();
      await mongo.close();
    },
  };
}

/**
 * An event of the complaints service (`govhall.complaints.v1.<type>`), in the envelope its relay writes: its own act
 * (a sweep) unless `by` names the member of staff who acted.
 */
export function complaintsEvent<T>(
  type: string,
  codec: MessageFns<T>,
  payload: T,
  aggregate: { tenant: string; id: string; version: number },
  at: string,
  by?: string,
): eventsV1.EventEnvelope {
  return buildEnvelope({
    type: `govhall.complaints.v1.${type}`,
    codec,
    payload,
    tenant: aggregate.tenant,
    aggregateId: aggregate.id,
    aggregateVersion: aggregate.version,
    actor: by
      ? commonV1.Actor.fromPartial({ kind: commonV1.ActorKind.ACTOR_KIND_USER, username: by, tenant: aggregate.tenant })
      : systemActor('complaints'),
    occurredAt: new Date(at),
  });
}
