import type { eventsV1 } from '@govhall/proto';
import { encodeEnvelope } from './envelope';

/**
 * One pending message inside an aggregate document's `outbox` array. It is written in the same single-document
 * update as the state change, so the change and its event cannot be separated; the relay sends and removes it.
 */
export interface OutboxMessage {
  id: string;
  topic: string;
  key: string;
  value: Buffer;
  traceparent: string;
  tracestate: string;
  createdAt: Date;
}

export function toOutboxMessage(topic: string, envelope: eventsV1.EventEnvelope): OutboxMessage {
  return {
    id: envelope.id,
    topic,
    key: envelope.aggregateId,
    value: encodeEnvelope(envelope),
    traceparent: envelope.traceparent,
    tracestate: envelope.tracestate,
    createdAt: new Date(),
  };
}

/** Mongoose schema fragment for the outbox fields of an aggregate document. */
export const outboxSchemaFields = {
  outbox: {
    type: [
      {
        _id: false,
        id: String,
        topic: String,
        key: String,
        value: Buffer,
        traceparent: String,
        tracestate: String,
        createdAt: Date,
      },
    ],
    default: [],
  },
  outboxLease: { type: { _id: false, owner: String, until: Date }, required: false },
} as const;

/**
 * Declares the index the relay's query uses: documents with at least one pending message have an
 * `outbox.createdAt` entry ≥ epoch; documents with an empty outbox have none, so the scan stays small.
 */
export function declareOutboxIndex(schema: { index(fields: Record<string, 1 | -1>): unknown }): void {
  schema.index({ 'outbox.createdAt': 1 });
}

/** The relay's filter for documents with pending messages (served by declareOutboxIndex). */
export const PENDING_OUTBOX_FILTER = { 'outbox.createdAt': { $gte: new Date(0) } } as const;
