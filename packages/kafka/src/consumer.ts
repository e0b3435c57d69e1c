import { metrics, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Collection } from 'mongodb';
import type { Logger } from '@govhall/logging';
import type { eventsV1 } from '@govhall/proto';
import { decodeEnvelope } from './envelope';

const tracer = trace.getTracer('@govhall/kafka');
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
 * Consumes envelopes at least once and handles each event id once. Messages come in batches: the batch's event
 * ids are looked up in the inbox together (point reads, concurrently), handlers run one message at a time in
 * partition order, and the inbox entries of the handled messages are recorded in one bulk write before their
 * offsets are resolved. A message that is not an envelope is logged and skipped (it can never succeed); a
 * handler failure stops the batch there: what was handled before it is recorded and committed, and kafkajs
 * retries from the failed message with backoff.
 */
export async function startConsumer(options: ConsumerOptions): Promise<Consumer> {
  const { kafka, groupId, topics, logger, inbox, handlers } = options;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 15_000, heartbeatInterval: 3_000 });
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { topic, partition } = batch;
      const at = { topic, partition, groupId, logger };
      const decoded = batch.messages.map((message) => ({ message, envelope: decodeOrSkip(message, at) }));
      const ids = [...new Set(decoded.flatMap((d) => (d.envelope ? [d.envelope.id] : [])))];
      const seen = new Set(
        (await Promise.all(ids.map((id) => inbox.findOne({ _id: id }, { projection: { _id: 1 } }))))
          .filter((doc) => doc !== null)
          .map((doc) => doc._id),
      );
      const handledNow: InboxEntry[] = [];
      let lastDone: string | undefined;
      try {
        for (const { message, envelope } of decoded) {
          if (!isRunning() || isStale()) break;
          if (envelope && seen.has(envelope.id)) {
            logger.debug({ eventId: envelope.id }, 'event already handled');
            handled.add(1, { group: groupId, type: envelope.type, outcome: 'duplicate' });
          } else if (envelope) {
            const handler = handlers[envelope.type] ?? options.otherTypes;
            if (handler)
              await handleInTrace(message, topic, () =>
                handler({ topic, partition, offset: message.offset, envelope }),
              );
            handledNow.push({ _id: envelope.id, type: envelope.type, handledAt: new Date() });
            seen.add(envelope.id); // the same event twice in one batch is handled once
            handled.add(1, { group: groupId, type: envelope.type, outcome: 'handled' });
          }
          lastDone = message.offset;
        }
      } finally {
        // Recorded before the offsets move on: a crash in between only repeats handled events, which the inbox
        // then recognises. A failed handler leaves its message unresolved, so it is retried.
        await recordHandled(inbox, handledNow);
        if (lastDone !== undefined) resolveOffset(lastDone);
      }
      await heartbeat();
    },
  });
  return consumer;
}

type InboxEntry = { _id: string; type: string; handledAt: Date };

/** The message's envelope, or null (logged and counted) for a message that can never be handled. */
function decodeOrSkip(
  message: KafkaMessage,
  at: { topic: string; partition: number; groupId: string; logger: Logger },
) {
  if (!message.value) return null;
  try {
    const envelope = decodeEnvelope(message.value);
    if (!envelope.id || !envelope.type) throw new Error('envelope without id or type');
    return envelope;
  } catch (err) {
    const { topic, partition, groupId, logger } = at;
    logger.error({ err, topic, partition, offset: message.offset }, 'skipping a message that is not an event envelope');
    handled.add(1, { group: groupId, type: 'unknown', outcome: 'rejected' });
    return null;
  }
}

/** Inserts the inbox entries in one write; entries already there (a redelivery after a crash) are fine. */
async function recordHandled(inbox: ConsumerOptions['inbox'], entries: InboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    await inbox.insertMany(entries, { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    const onlyDuplicates =
      (err as { code?: number }).code === 11000 || (list.length > 0 && list.every((e) => e.code === 11000));
    if (!onlyDuplicates) throw err;
  }
}

/**
 * Runs a handler in a consumer span that continues the producer's trace (taken from the message headers), so one
 * trace runs from the writer's request to this handler. (The kafkajs instrumentation's batch spans only link it.)
 */
function handleInTrace(message: KafkaMessage, topic: string, work: () => Promise<void>): Promise<void> {
  const carrier: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) carrier[k] = String(v);
  const parent = propagation.extract(ROOT_CONTEXT, carrier);
  return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER }, parent, async (span) => {
    try {
      await work();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
