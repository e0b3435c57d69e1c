import { metrics, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from '@govhall/logging';
import { insertAllOnce } from '@govhall/mongo';
import type { eventsV1 } from '@govhall/proto';
import { createProducer } from './client';
import { deadLetterOf, summarizeError, type DeadLetterReason, type ErrorSummary } from './dead-letter';
import { decodeEnvelope } from './envelope';
import {
  DEFAULT_INBOX_RETENTION_MS,
  ensureInboxIndex,
  inboxEntry,
  startInboxSweeper,
  type Inbox,
  type InboxEntry,
} from './inbox';
import { createRetryPolicy, type RetryPolicyOptions } from './retry-policy';

const tracer = trace.getTracer('@govhall/kafka');
const meter = metrics.getMeter('@govhall/kafka');
const handled = meter.createCounter('govhall.events.consumed', {
  description: 'Events consumed, by group, type and outcome (handled, duplicate, dead_lettered)',
});
const retried = meter.createCounter('govhall.events.retried', {
  description: 'Failed handling attempts that are retried, by group, type and kind (transient, permanent)',
});
const deadLettered = meter.createCounter('govhall.events.dead_lettered', {
  description: 'Messages sent to the dead-letter topic, by group, topic and reason (decode, handler)',
});

export interface ReceivedEvent {
  topic: string;
  partition: number;
  offset: string;
  envelope: eventsV1.EventEnvelope;
}

export type EventHandler = (event: ReceivedEvent) => Promise<void>;

export interface BatchHandler {
  /** Which envelope types go into runs (the others are handled one at a time). */
  accepts: (type: string) => boolean;
  handle: (events: ReceivedEvent[]) => Promise<void>;
  /** The longest run (default 500). */
  maxEvents?: number;
}

export interface ConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  logger: Logger;
  /**
   * Idempotency records, one per handled event id. A handler's own write should also be keyed by the event
   * id (or guarded by the aggregate version) so the crash window between handling and recording is harmless.
   * `'none'` when every handler is idempotent by itself (a write keyed by the event id, or a projection that
   * ignores an aggregate version it has seen): no inbox read per event and no write per batch.
   */
  inbox: Inbox | 'none';
  /** Handlers by envelope type; a type with no handler goes to `otherTypes`, else is acknowledged and ignored. */
  handlers: Record<string, EventHandler>;
  /** For readers of every stream (supervision): handles each type without its own handler. */
  otherTypes?: EventHandler;
  fromBeginning?: boolean;
  /**
   * Handles consecutive new events together: a run of messages whose types it `accepts` (at most `maxEvents`) is
   * given to `handle` at once, so a handler can read and write the store once per run instead of once per event (a
   * replay, a burst). When a run fails, its events are handled one at a time by `handlers`/`otherTypes` with the
   * usual retries and dead letters: a poison message still stops nothing but itself. `handle` must therefore do
   * what the single-event handlers do, and be as idempotent.
   */
  batch?: BatchHandler;
  /**
   * Where a message goes that cannot be handled: not an envelope, or its handler failed `retry.maxAttempts`
   * times (not counting transient failures). Declared in deploy/kafka/topics.txt like every topic.
   */
  deadLetterTopic: string;
  /** Attempts and backoff (defaults: 5 attempts, 500 ms doubling to 10 s) and what counts as transient. */
  retry?: Partial<RetryPolicyOptions>;
  /** How long handled event ids are kept (default 30 days); longer than any redelivery. */
  inboxRetentionMs?: number;
  /** How often expired inbox entries are deleted (default hourly); 0 turns the sweep off. */
  inboxSweepIntervalMs?: number;
  /** Time of inbox entries and dead letters (tests move it). */
  now?: () => Date;
  /** Waits between attempts (tests make it instant). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long the broker holds a fetch open when nothing is there (default 5 s). Stopping the consumer waits for
   * the open fetch to end, so this is also how long a stop can take; test worlds, which start and stop every
   * service per file, set it short (KAFKA_FETCH_WAIT_MS).
   */
  fetchWaitMs?: number;
}

/** What a service's config decides about a consumer's delivery: dead letters, retries, inbox retention, fetch wait. */
export type DeliveryOptions = Pick<ConsumerOptions, 'deadLetterTopic' | 'retry' | 'inboxRetentionMs' | 'fetchWaitMs'>;

/** How often a handler still running sends a heartbeat (kafkajs sends one at most every heartbeatInterval). */
const HEARTBEAT_WHILE_HANDLING_MS = 3_000;

/** How often a batch still running records its handled events and commits their offsets. */
const FLUSH_EVERY_MS = 2_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Consumes envelopes at least once and handles each event id once. Messages come in batches: the batch's event
 * ids are looked up in the inbox together (point reads, concurrently), handlers run one message at a time in
 * partition order (or a run of consecutive messages at once, with `batch`), and the inbox entries of the handled
 * messages are recorded in one bulk write before their
 * offsets are resolved. A batch that runs long (a replay against a slow store) heartbeats between messages and
 * records and commits what it handled every FLUSH_EVERY_MS: without that, a batch longer than the session timeout
 * (15 s) lost its group membership and its commit, and was read again after the rebalance.
 *
 * A message never blocks its partition for good (docs/adr/0016-consumer-retries-and-dead-letters.md): one that
 * is not an envelope goes to the dead-letter topic at once; a failing handler is retried in place with backoff
 * (what was handled before it is recorded and committed first) and after `maxAttempts` failures the message goes
 * to the dead-letter topic and the partition moves on. Transient failures (the database unreachable) are retried
 * for as long as they last and never dead-letter anything. A dead-lettered event is not recorded in the inbox,
 * so replaying it later handles it.
 */
export async function startConsumer(options: ConsumerOptions): Promise<Consumer> {
  const { kafka, groupId, topics, logger, handlers, deadLetterTopic } = options;
  const policy = createRetryPolicy(options.retry);
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const inbox = options.inbox === 'none' ? undefined : options.inbox;
  if (inbox) await ensureInboxIndex(inbox);
  const producer: Producer = await createProducer(kafka);
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 15_000,
    heartbeatInterval: 3_000,
    maxWaitTimeInMs: options.fetchWaitMs ?? 5_000,
  });
  const sweepInterval = options.inboxSweepIntervalMs ?? 3_600_000;
  const sweeper =
    inbox && sweepInterval > 0
      ? startInboxSweeper({
          inbox,
          retentionMs: options.inboxRetentionMs ?? DEFAULT_INBOX_RETENTION_MS,
          intervalMs: sweepInterval,
          now,
          logger,
        })
      : undefined;
  // Stopping the consumer stops what it started: the sweep and the dead-letter producer.
  const disconnect = consumer.disconnect.bind(consumer);
  consumer.disconnect = async () => {
    sweeper?.stop();
    try {
      await disconnect();
    } finally {
      await producer.disconnect();
    }
  };
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
      const { topic, partition } = batch;
      const live = () => isRunning() && !isStale();
      const decoded = batch.messages.map((message) => ({ message, ...decode(message) }));
      const ids = [...new Set(decoded.flatMap((d) => (d.envelope ? [d.envelope.id] : [])))];
      const seen = new Set(
        (await Promise.all(ids.map((id) => inbox?.findOne({ _id: id }, { projection: { _id: 1 } }) ?? null)))
          .filter((doc) => doc !== null)
          .map((doc) => doc._id),
      );
      let handledNow: InboxEntry[] = [];
      let lastFlush = performance.now();
      let lastDone: string | undefined;
      // Records what was handled and moves the committed offset past it: before waiting on a failing message,
      // every FLUSH_EVERY_MS of a long batch, and at the end of the batch. Recorded before the offsets move on: a
      // crash in between only repeats handled events, which the inbox then recognises.
      const flush = async (commit: boolean) => {
        if (inbox) await recordHandled(inbox, handledNow);
        handledNow = [];
        if (lastDone !== undefined) resolveOffset(lastDone);
        if (commit && lastDone !== undefined)
          await commitOffsetsIfNecessary({
            topics: [{ topic, partitions: [{ partition, offset: (BigInt(lastDone) + 1n).toString() }] }],
          });
      };
      /** Waits, heartbeating; false when the consumer stops or loses the partition meanwhile. */
      const pause = async (ms: number) => {
        for (let left = ms; left > 0 && live(); left -= 1_000) {
          await sleep(Math.min(left, 1_000));
          await heartbeat();
        }
        return live();
      };
      /** Publishes a dead letter; while the broker refuses it, waits and tries again (the message is not skipped). */
      const sendDeadLetter = async (
        message: KafkaMessage,
        reason: DeadLetterReason,
        error: ErrorSummary,
        attempts: number,
        event?: { id: string; type: string },
      ): Promise<boolean> => {
        const letter = deadLetterOf(message, { topic, partition, groupId, attempts, reason, error, at: now(), event });
        for (let failures = 1; ; failures++) {
          try {
            await producer.send({ topic: deadLetterTopic, acks: -1, messages: [letter] });
            break;
          } catch (err) {
            logger.error(
              { err: summarizeError(err), deadLetterTopic, topic, partition, offset: message.offset, failures },
              'could not publish a dead letter; will retry',
            );
            await flush(true);
            if (!(await pause(policy.options.maxBackoffMs))) return false;
          }
        }
        deadLettered.add(1, { group: groupId, topic, reason });
        handled.add(1, { group: groupId, type: event?.type ?? 'unknown', outcome: 'dead_lettered' });
        logger.error(
          { topic, partition, offset: message.offset, eventId: event?.id, type: event?.type, attempts, reason, error },
          'message sent to the dead-letter topic',
        );
        return true;
      };

      /**
       * Runs a handler while heartbeating every few seconds: a run of events or a calendar recount against a slow
       * store may take longer than the session timeout, and a member silent that long is thrown out of the group
       * (its commit refused, the work read again after the rebalance).
       */
      const keepingAlive = async <T>(work: () => Promise<T>): Promise<T> => {
        const beat = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_WHILE_HANDLING_MS);
        try {
          return await work();
        } finally {
          clearInterval(beat);
        }
      };
      /** After a message is done: moves the place on, records and commits every few seconds, heartbeats. */
      const done = async (message: KafkaMessage) => {
        lastDone = message.offset;
        // A long batch (a replay, a slow store) keeps its place in the group and what it did: kafkajs sends a
        // heartbeat at most every heartbeatInterval, and the handled part is recorded and committed every few
        // seconds, not only at the end (a batch longer than the session timeout lost the group and its commit).
        if (performance.now() - lastFlush >= FLUSH_EVERY_MS) {
          await flush(true);
          lastFlush = performance.now();
        }
        await heartbeat();
      };
      const markHandled = (envelope: eventsV1.EventEnvelope) => {
        handledNow.push(inboxEntry(envelope.id, envelope.type, now()));
        seen.add(envelope.id); // the same event twice in one batch is handled once
        handled.add(1, { group: groupId, type: envelope.type, outcome: 'handled' });
      };
      /** One event with retries and dead letters; false when the consumer stopped meanwhile. */
      const handleOne = async (message: KafkaMessage, envelope: eventsV1.EventEnvelope): Promise<boolean> => {
        const handler = handlers[envelope.type] ?? options.otherTypes;
        const event = { id: envelope.id, type: envelope.type };
        const attempts = policy.forMessage();
        let outcome: 'handled' | 'dead-lettered' | 'stopped' = 'handled';
        while (handler) {
          try {
            await keepingAlive(() =>
              handleInTrace(message, topic, () => handler({ topic, partition, offset: message.offset, envelope })),
            );
            break;
          } catch (err) {
            const decision = attempts.fail(err);
            const error = summarizeError(err);
            if (decision.action === 'dead-letter') {
              outcome = (await sendDeadLetter(message, 'handler', error, attempts.attempts, event))
                ? 'dead-lettered'
                : 'stopped';
              break;
            }
            const kind = decision.transient ? 'transient' : 'permanent';
            retried.add(1, { group: groupId, type: envelope.type, kind });
            logger.warn(
              {
                topic,
                partition,
                offset: message.offset,
                eventId: envelope.id,
                type: envelope.type,
                attempts: attempts.attempts,
                kind,
                delayMs: decision.delayMs,
                error,
              },
              'event handling failed; will retry',
            );
            await flush(true);
            if (!(await pause(decision.delayMs))) {
              outcome = 'stopped';
              break;
            }
          }
        }
        if (outcome === 'stopped') return false;
        if (outcome === 'handled') markHandled(envelope);
        return true;
      };
      /** The run of new, batchable events starting at `from` (distinct ids, at most maxEvents). */
      const runFrom = (from: number): { message: KafkaMessage; envelope: eventsV1.EventEnvelope }[] => {
        const batchHandler = options.batch;
        if (!batchHandler) return [];
        const run: { message: KafkaMessage; envelope: eventsV1.EventEnvelope }[] = [];
        const ids = new Set<string>();
        for (let i = from; i < decoded.length && run.length < (batchHandler.maxEvents ?? 500); i++) {
          const { message, envelope } = decoded[i]!;
          if (!envelope || seen.has(envelope.id) || ids.has(envelope.id) || !batchHandler.accepts(envelope.type)) break;
          ids.add(envelope.id);
          run.push({ message, envelope });
        }
        return run;
      };

      try {
        // Messages before this index are handled one at a time (a run of them failed together).
        let singleUntil = 0;
        for (let i = 0; i < decoded.length;) {
          if (!live()) break;
          const run = i >= singleUntil ? runFrom(i) : [];
          if (run.length > 1) {
            try {
              await keepingAlive(() =>
                handleRunInTrace(run, topic, () =>
                  options.batch!.handle(
                    run.map(({ message, envelope }) => ({ topic, partition, offset: message.offset, envelope })),
                  ),
                ),
              );
              for (const { envelope } of run) markHandled(envelope);
              await done(run[run.length - 1]!.message);
              i += run.length;
              continue;
            } catch (err) {
              // The run one at a time: the failing event is retried (or dead-lettered) alone, the others handled.
              singleUntil = i + run.length;
              logger.warn(
                { topic, partition, from: run[0]!.message.offset, events: run.length, error: summarizeError(err) },
                'a run of events failed together; handling them one at a time',
              );
            }
          }
          const { message, envelope, decodeError } = decoded[i]!;
          i += 1;
          if (!envelope) {
            if (!(await sendDeadLetter(message, 'decode', summarizeError(decodeError), 1))) break;
          } else if (seen.has(envelope.id)) {
            logger.debug({ eventId: envelope.id }, 'event already handled');
            handled.add(1, { group: groupId, type: envelope.type, outcome: 'duplicate' });
          } else if (!(await handleOne(message, envelope))) {
            break;
          }
          await done(message);
        }
      } finally {
        await flush(false);
      }
      await heartbeat();
    },
  });
  return consumer;
}

/** The message's envelope, or why it is not one (it can never be handled). */
function decode(message: KafkaMessage): { envelope?: eventsV1.EventEnvelope; decodeError?: unknown } {
  if (!message.value) return { decodeError: new Error('message without a value') };
  try {
    const envelope = decodeEnvelope(message.value);
    if (!envelope.id || !envelope.type) throw new Error('envelope without id or type');
    return { envelope };
  } catch (err) {
    return { decodeError: err };
  }
}

/** Inserts the inbox entries in one write; entries already there (a redelivery after a crash) are fine. */
function recordHandled(inbox: Inbox, entries: InboxEntry[]): Promise<void> {
  return insertAllOnce(inbox, entries);
}

/**
 * Runs a handler in a consumer span that continues the producer's trace (taken from the message headers), so one
 * trace runs from the writer's request to this handler. (The kafkajs instrumentation's batch spans only link it.)
 * Each attempt is a span of its own; a failed one records the exception.
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

/**
 * Runs a handler of several events in one consumer span linked to each producer's trace (a span has one parent;
 * the events of a run came from many requests).
 */
function handleRunInTrace(run: { message: KafkaMessage }[], topic: string, work: () => Promise<void>): Promise<void> {
  const links = run.slice(0, 128).flatMap(({ message }) => {
    const carrier: Record<string, string> = {};
    for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) carrier[k] = String(v);
    const context = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
    return context ? [{ context }] : [];
  });
  return tracer.startActiveSpan(
    `process ${topic}`,
    { kind: SpanKind.CONSUMER, links, attributes: { 'messaging.batch.message_count': run.length } },
    ROOT_CONTEXT,
    async (span) => {
      try {
        await work();
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}
