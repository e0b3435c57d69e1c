import { metrics } from '@opentelemetry/api';
import type { Consumer, Kafka } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from '@govhall/logging';
import type { eventsV1 } from '@govhall/proto';
import { decodeEnvelope } from './envelope';

const handled = metrics.getMeter('@govhall/kafka').createCounter('govhall.events.consumed', {
  description: 'Events consumed, by group, type and outcome (handled, duplicate, rejected)',
});

export interface ReceivedEvent {
  topic: string;
  partition: number;
  offset: string;
  envelope: eventsV1.EventEnvelope;
}

export type EventHandler = (event: ReceivedEvent) => Promise<void>;

export interface ConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  logger: Logger;
  /**
   * Idempotency records, one per handled event id. A handler's own write should also be keyed by the event
   * id (or guarded by the aggregate version) so the crash window between handling and recording is harmless.
   */
  inbox: Collection<{ _id: string; type: string; handledAt: Date }>;
  /** Handlers by envelope type; a type with no handler goes to `otherTypes`, else is acknowledged and ignored. */
  handlers: Record<string, EventHandler>;
  /** For readers of every stream (supervision): handles each type without its own handler. */
  otherTypes?: EventHandler;
  fromBeginning?: boolean;
}

/**
 * Consumes envelopes at least once and handles each event id once. A message that is not an envelope is
 * logged and skipped (it can never succeed); a handler failure is retried by kafkajs with backoff.
 */
export async function startConsumer(options: ConsumerOptions): Promise<Consumer> {
  const { kafka, groupId, topics, logger, inbox, handlers } = options;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 15_000, heartbeatInterval: 3_000 });
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      if (!message.value) return;
      let envelope: eventsV1.EventEnvelope;
      try {
        envelope = decodeEnvelope(message.value);
        if (!envelope.id || !envelope.type) throw new Error('envelope without id or type');
      } catch (err) {
        logger.error(
          { err, topic, partition, offset: message.offset },
          'skipping a message that is not an event envelope',
        );
        handled.add(1, { group: groupId, type: 'unknown', outcome: 'rejected' });
        return;
      }
      if (await inbox.findOne({ _id: envelope.id }, { projection: { _id: 1 } })) {
        logger.debug({ eventId: envelope.id }, 'event already handled');
        handled.add(1, { group: groupId, type: envelope.type, outcome: 'duplicate' });
        return;
      }
      const handler = handlers[envelope.type] ?? options.otherTypes;
      if (handler) await handler({ topic, partition, offset: message.offset, envelope });
      try {
        await inbox.insertOne({ _id: envelope.id, type: envelope.type, handledAt: new Date() });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      handled.add(1, { group: groupId, type: envelope.type, outcome: 'handled' });
    },
  });
  return consumer;
}
