import { OUTBOX_PENDING_FIELD } from '@govhall/mongo';
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

/** A find's projection that leaves an aggregate document's outbox fields out: what the domain reads of it. */
export const WITHOUT_OUTBOX = { outbox: 0, outboxLease: 0, outboxPending: 0 } as const;

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
  /** True while `outbox` holds a message (see @govhall/mongo outboxFields): what the relay looks for. */
  outboxPending: { type: Boolean, required: false },
  outboxLease: { type: { _id: false, owner: String, until: Date }, required: false },
} as const;

/**
 * Declares the index the relay's query uses: the top-level `outboxPending` marker, set only on documents with
 * at least one unsent message, so the relay reads those and nothing else at any collection size (a dotted path
 * such as `outbox.createdAt` is not pushed down by the local FerretDB store; a top-level equality is).
 */
export function declareOutboxIndex(schema: { index(fields: Record<string, 1 | -1>): unknown }): void {
  schema.index({ [OUTBOX_PENDING_FIELD]: 1 });
}

/** The relay's filter for documents with pending messages (served by declareOutboxIndex). */
export const PENDING_OUTBOX_FILTER = { [OUTBOX_PENDING_FIELD]: true } as const;
