import { randomUUID } from 'node:crypto';
import {
  context,
  metrics,
  propagation,
  trace,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  type Span,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { Message, Producer } from 'kafkajs';
import type { Collection, Document } from 'mongodb';
import type { Logger } from '@govhall/logging';
import { documentKey, documentLocks, OUTBOX_PENDING_FIELD } from '@govhall/mongo';
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
  /**
   * This process is the only writer of the collections (the database claim of @govhall/mongo's
   * openServiceDatabase is enforced: the local FerretDB store), so no other relay can be sending the same
   * documents: they are read with their outbox in the pending query and not leased, which saves a write per
   * document. Leave it off where several replicas may run (MongoDB).
   */
  exclusive?: boolean;
  /** Prepended to every message's topic when sending (a benchmark's own topics); default none. */
  topicPrefix?: string;
  /**
   * Called with each batch, in outbox order, before it is sent (e.g. a local change log derived from the events).
   * A failure counts as a failed send: the messages stay and the batch is offered again, so it must be idempotent
   * by message id.
   */
  beforeSend?: (messages: OutboxMessage[]) => Promise<void>;
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
    const batchSize = this.options.batchSize ?? 100;
    for (const collection of this.options.collections) {
      const pending = this.options.exclusive
        ? // The only writer: read the pending documents whole, nobody else is sending them.
          ((await collection
            .find({ ...PENDING_OUTBOX_FILTER }, { projection: { _id: 1, outbox: 1 } })
            .limit(batchSize)
            .toArray()) as OutboxDoc[])
        : ((await collection
            .find(
              {
                // The top-level marker is what the store serves from an index; the lease condition only narrows
                // the (few) pending documents. Documents another replica is sending right now are skipped, so a
                // dead replica's leases cannot crowd newer documents out of the batch.
                ...PENDING_OUTBOX_FILTER,
                $or: [
                  { outboxLease: { $exists: false } },
                  { outboxLease: null },
                  { 'outboxLease.until': { $lt: new Date() } },
                ],
              },
              { projection: { _id: 1 } },
            )
            .limit(batchSize)
            .toArray()) as { _id: unknown }[]);
      if (pending.length === batchSize) this.wakeRequested = true; // more are waiting
      found += pending.length;
      if (pending.length) ok = (await this.relayDocuments(collection, pending)) && ok;
    }
    this.failures = ok ? 0 : this.failures + 1;
    this.idlePasses = found === 0 ? this.idlePasses + 1 : 0;
  }

  /**
   * Sends the outboxes of a batch of documents: one lease claim per document, one Kafka request for all their
   * messages, one write per document removing what was sent. False when Kafka could not be reached (the
   * messages stay, the leases are released).
   */
  private async relayDocuments(collection: Collection<Document>, pending: { _id: unknown }[]): Promise<boolean> {
    const read = this.options.exclusive
      ? (pending as OutboxDoc[])
      : await Promise.all(pending.map(({ _id }) => this.claim(collection, _id)));
    const claimed = read
      .filter((doc): doc is OutboxDoc => doc !== null)
      .map((doc) => ({ ...doc, outbox: doc.outbox ?? [] })); // a marker without an outbox is cleared below
    if (claimed.length === 0) return true;
    const messages = claimed.flatMap((doc) => doc.outbox);
    if (messages.length) {
      try {
        // As stored, a value may be read back as BSON binary: the hook gets the bytes as a Buffer.
        await this.options.beforeSend?.(messages.map((m) => ({ ...m, value: toBuffer(m.value) })));
        await this.send(messages);
      } catch (err) {
        this.options.logger.warn(
          { err, documents: claimed.length, messages: messages.length, failures: this.failures + 1 },
          'outbox relay could not reach Kafka; will retry',
        );
        relayFailures.add(claimed.length);
        await Promise.all(claimed.map((doc) => this.release(collection, doc._id)));
        return false;
      }
      relayed.add(messages.length, { collection: collection.collectionName });
    }
    await Promise.all(claimed.map((doc) => this.removeSent(collection, doc)));
    return true;
  }

  // Every read-modify-write below is ordered with the service's own writes to the same document (FerretDB does
  // not apply conditional updates atomically; see @govhall/mongo DocumentLocks).
  private locked<T>(collection: Collection<Document>, id: unknown, work: () => Promise<T>): Promise<T> {
    return documentLocks.run(documentKey(collection.collectionName, id), work);
  }

  /** Leases the document to this relay and reads its outbox; null when another replica holds a live lease. */
  private async claim(collection: Collection<Document>, id: unknown): Promise<OutboxDoc | null> {
    const now = new Date();
    const until = new Date(now.getTime() + (this.options.leaseMs ?? 30_000));
    return (await this.locked(collection, id, () =>
      collection.findOneAndUpdate(
        {
          _id: id as never,
          $or: [{ outboxLease: { $exists: false } }, { outboxLease: null }, { 'outboxLease.until': { $lt: now } }],
        },
        { $set: { outboxLease: { owner: this.owner, until } } },
        // No projection: FerretDB's findAndModify does not implement `fields`.
        { returnDocument: 'after' },
      ),
    )) as OutboxDoc | null;
  }

  private async release(collection: Collection<Document>, id: unknown) {
    if (this.options.exclusive) return; // nothing was leased
    await this.locked(collection, id, () =>
      collection.updateOne({ _id: id as never, 'outboxLease.owner': this.owner }, { $unset: { outboxLease: '' } }),
    );
  }

  /**
   * Removes the messages that were sent. Writers only append, so in the usual case (nothing appended since the
   * claim, lease still ours) one write empties the outbox, clears the pending marker and releases the lease.
   * Otherwise the sent messages are popped from the head one at a time, each pop guarded by the id expected
   * there, and the marker stays for the messages that arrived meanwhile. ($pull with a condition silently
   * matches nothing on FerretDB 1.x.)
   */
  private async removeSent(collection: Collection<Document>, doc: OutboxDoc): Promise<void> {
    const id = doc._id;
    const emptied = await this.locked(collection, id, () =>
      collection.updateOne(
        {
          _id: id as never,
          ...(this.options.exclusive ? {} : { 'outboxLease.owner': this.owner }),
          outbox: { $size: doc.outbox.length },
        },
        { $set: { outbox: [] }, $unset: { [OUTBOX_PENDING_FIELD]: '', outboxLease: '' } },
      ),
    );
    if (emptied.matchedCount === 1) return;
    for (const message of doc.outbox) {
      const popped = await this.locked(collection, id, () =>
        collection.updateOne({ _id: id as never, 'outbox.0.id': message.id }, { $pop: { outbox: -1 } }),
      );
      if (popped.modifiedCount === 0) break; // another replica removed it after our lease ran out
    }
    await this.release(collection, id);
  }

  /**
   * One Kafka request for the batch (acks from all in-sync replicas; per-key order kept: kafkajs keeps the array
   * order within a partition). Each message gets its own producer span, a child of the trace that wrote it, and
   * carries that span's context in its headers, so the consumer continues the writer's trace. The kafkajs
   * instrumentation would stamp every message of one request with the relay's own context instead: it is
   * suppressed for this call.
   */
  private async send(messages: OutboxMessage[]): Promise<void> {
    const spans: Span[] = [];
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const parent = message.traceparent
        ? propagation.extract(ROOT_CONTEXT, { traceparent: message.traceparent, tracestate: message.tracestate })
        : ROOT_CONTEXT;
      const span = tracer.startSpan(
        `send ${message.topic}`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': message.topic,
            'messaging.kafka.message.key': message.key,
            'messaging.message.id': message.id,
          },
        },
        parent,
      );
      spans.push(span);
      const headers: Record<string, string> = { 'event-id': message.id };
      propagation.inject(trace.setSpan(parent, span), headers);
      const topic = (this.options.topicPrefix ?? '') + message.topic;
      const list = byTopic.get(topic) ?? [];
      list.push({ key: message.key, value: toBuffer(message.value), headers });
      byTopic.set(topic, list);
    }
    try {
      await context.with(suppressTracing(context.active()), () =>
        this.options.producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
        }),
      );
    } catch (err) {
      for (const span of spans) {
        span.recordException(err as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw err;
    } finally {
      for (const span of spans) span.end();
    }
  }
}

/** The driver hands back BSON Binary for fields stored as Buffer. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const binary = value as { buffer: Uint8Array; position: number };
  return Buffer.from(binary.buffer.subarray(0, binary.position));
}
