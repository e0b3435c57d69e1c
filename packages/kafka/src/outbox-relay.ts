import { randomUUID } from 'node:crypto';
import { context, metrics, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Producer } from 'kafkajs';
import type { Collection, Document } from 'mongodb';
import type { Logger } from '@govhall/logging';
import { documentKey, documentLocks } from '@govhall/mongo';
import { PENDING_OUTBOX_FILTER, type OutboxMessage } from './outbox';

export interface OutboxRelayOptions {
  /** Collections whose documents carry an `outbox` array. */
  collections: Collection<Document>[];
  producer: Producer;
  logger: Logger;
  /** How long a replica owns a document's outbox while sending it. */
  leaseMs?: number;
  pollMs?: number;
  /** Longest wait between passes while nothing is pending (each empty pass doubles the wait up to this). */
  maxIdlePollMs?: number;
  batchSize?: number;
}

interface OutboxDoc {
  _id: unknown;
  outbox: OutboxMessage[];
}

const tracer = trace.getTracer('@govhall/kafka');
const relayed = metrics.getMeter('@govhall/kafka').createCounter('govhall.outbox.relayed', {
  description: 'Outbox messages acknowledged by Kafka and removed from their document',
});
const relayFailures = metrics.getMeter('@govhall/kafka').createCounter('govhall.outbox.relay_failures', {
  description: 'Outbox documents that could not be relayed in a pass (Kafka unreachable); they are retried',
});

/**
 * Relays outbox messages to Kafka and removes them once the broker acknowledged them. Several replicas may run
 * it: a document is leased by one replica at a time; if a replica dies mid-send its lease expires and another
 * resends (at-least-once; consumers dedupe by event id). While the broker is down messages stay in the outbox.
 */
export class OutboxRelay {
  private readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private wakeRequested = false;
  private failures = 0;
  /** Consecutive passes that found nothing: local writes nudge the relay, so idle polling can back off. */
  private idlePasses = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Asks for an immediate pass (called after a local write that added outbox messages). */
  nudge(): void {
    if (!this.running) return;
    if (this.draining) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.draining = this.pass()
        .catch((err: unknown) => {
          this.failures += 1;
          this.options.logger.error({ err, failures: this.failures }, 'outbox relay pass failed');
        })
        .finally(() => {
          this.draining = undefined;
          if (!this.running) return;
          const backoff = this.failures > 0 ? Math.min(5_000, 200 * 2 ** Math.min(this.failures, 5)) : undefined;
          const pollMs = this.options.pollMs ?? 500;
          const idleWait = Math.min(this.options.maxIdlePollMs ?? 5_000, pollMs * 2 ** Math.min(this.idlePasses, 10));
          const next = backoff ?? (this.wakeRequested ? 0 : idleWait);
          this.wakeRequested = false;
          this.schedule(next);
        });
    }, delay);
  }

  /** One pass over every collection; returns after sending what it could. Exposed for tests and shutdown. */
  async pass(): Promise<void> {
    let ok = true;
    let found = 0;
    for (const collection of this.options.collections) {
      const pending = (await collection
        .find(
          {
            ...PENDING_OUTBOX_FILTER,
            // Documents another replica is sending right now are skipped, so a dead replica's leases
            // cannot crowd newer documents out of the batch.
            $or: [
              { outboxLease: { $exists: false } },
              { outboxLease: null },
              { 'outboxLease.until': { $lt: new Date() } },
            ],
          },
          { projection: { _id: 1 } },
        )
        .limit(this.options.batchSize ?? 100)
        .toArray()) as { _id: unknown }[];
      if (pending.length === (this.options.batchSize ?? 100)) this.wakeRequested = true; // more are waiting
      for (const { _id } of pending) {
        found += 1;
        ok = (await this.relayDocument(collection, _id)) && ok;
      }
    }
    this.failures = ok ? 0 : this.failures + 1;
    this.idlePasses = found === 0 ? this.idlePasses + 1 : 0;
  }

  /** Sends one document's outbox; false when Kafka could not be reached (the messages stay). */
  private async relayDocument(collection: Collection<Document>, id: unknown): Promise<boolean> {
    // Every read-modify-write below is ordered with the service's own writes to the same document
    // (FerretDB does not apply conditional updates atomically; see @govhall/mongo DocumentLocks).
    const key = documentKey(collection.collectionName, id);
    const locked = <T>(work: () => Promise<T>) => documentLocks.run(key, work);
    const unlease = () =>
      locked(() =>
        collection.updateOne({ _id: id as never, 'outboxLease.owner': this.owner }, { $unset: { outboxLease: '' } }),
      );
    const now = new Date();
    const leaseMs = this.options.leaseMs ?? 30_000;
    const claimed = (await locked(() =>
      collection.findOneAndUpdate(
        {
          _id: id as never,
          $or: [{ outboxLease: { $exists: false } }, { outboxLease: null }, { 'outboxLease.until': { $lt: now } }],
        },
        { $set: { outboxLease: { owner: this.owner, until: new Date(now.getTime() + leaseMs) } } },
        // No projection: FerretDB's findAndModify does not implement `fields`.
        { returnDocument: 'after' },
      ),
    )) as OutboxDoc | null;
    if (!claimed || claimed.outbox.length === 0) {
      if (claimed) await unlease();
      return true;
    }
    try {
      for (const message of claimed.outbox) await this.send(message);
    } catch (err) {
      this.options.logger.warn(
        { err, documentId: String(id), failures: this.failures + 1 },
        'outbox relay could not reach Kafka; will retry',
      );
      relayFailures.add(1);
      await unlease();
      return false;
    }
    relayed.add(claimed.outbox.length, { collection: collection.collectionName });
    // Writers only append, so what was sent is the head of the array: pop it one message at a time, each pop
    // guarded by the id expected at the head. ($pull with a condition silently matches nothing on FerretDB 1.x.)
    for (const message of claimed.outbox) {
      const popped = await locked(() =>
        collection.updateOne({ _id: id as never, 'outbox.0.id': message.id }, { $pop: { outbox: -1 } }),
      );
      if (popped.modifiedCount === 0) break; // another replica removed it after our lease ran out
    }
    await unlease();
    return true;
  }

  private async send(message: OutboxMessage): Promise<void> {
    const parent = message.traceparent
      ? propagation.extract(ROOT_CONTEXT, { traceparent: message.traceparent, tracestate: message.tracestate })
      : ROOT_CONTEXT;
    await tracer.startActiveSpan(`outbox relay ${message.topic}`, { kind: SpanKind.INTERNAL }, parent, async (span) => {
      try {
        await context.with(trace.setSpan(parent, span), () =>
          this.options.producer.send({
            topic: message.topic,
            acks: -1,
            messages: [{ key: message.key, value: toBuffer(message.value), headers: { 'event-id': message.id } }],
          }),
        );
      } catch (err) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    });
  }
}

/** The driver hands back BSON Binary for fields stored as Buffer. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const binary = value as { buffer: Uint8Array; position: number };
  return Buffer.from(binary.buffer.subarray(0, binary.position));
}
