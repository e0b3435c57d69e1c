import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { maskText } from '@govhall/logging';

/**
 * Dead letters keep the original message as it was (value, key, headers), so replaying one is publishing it again,
 * and say why and where in headers prefixed `dlq-` (docs/adr/0016-consumer-retries-and-dead-letters.md).
 */
export const DLQ_HEADER = {
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  timestamp: 'dlq-original-timestamp',
  group: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  deadLetteredAt: 'dlq-dead-lettered-at',
  reason: 'dlq-reason',
  errorName: 'dlq-error-name',
  errorMessage: 'dlq-error-message',
  errorCode: 'dlq-error-code',
  errorStack: 'dlq-error-stack',
  eventId: 'dlq-event-id',
  eventType: 'dlq-event-type',
} as const;

/** `decode`: the message is not an event envelope; `handler`: its handler kept failing. */
export type DeadLetterReason = 'decode' | 'handler';

export interface ErrorSummary {
  name: string;
  message: string;
  code: string;
  /** The first frames, without the message line. */
  stack: string;
}

const MAX_MESSAGE = 500;
const MAX_FRAMES = 8;

/**
 * An error as it may be written to a dead letter or a log line: name, message (ID and mobile numbers masked,
 * at most 500 characters), code, and the first stack frames (file and line; the message line is dropped, it is
 * the message again). No payload, no other field of the error.
 */
export function summarizeError(err: unknown): ErrorSummary {
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    stack?: unknown;
  };
  const message = maskText(typeof e.message === 'string' ? e.message : String(e.message ?? ''));
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, MAX_FRAMES)
          .map((line) => maskText(line.trim()))
      : [];
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message,
    code: typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : '',
    stack: frames.join('\n'),
  };
}

export interface DeadLetterContext {
  topic: string;
  partition: number;
  groupId: string;
  attempts: number;
  reason: DeadLetterReason;
  error: ErrorSummary;
  at: Date;
  event?: { id: string; type: string };
}

/** The dead letter of a message: its value, key and headers unchanged, plus the `dlq-` headers. */
export function deadLetterOf(message: KafkaMessage, context: DeadLetterContext): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {}))
    if (value !== undefined && !name.startsWith('dlq-')) headers[name] = value;
  Object.assign(headers, {
    [DLQ_HEADER.topic]: context.topic,
    [DLQ_HEADER.partition]: String(context.partition),
    [DLQ_HEADER.offset]: message.offset,
    [DLQ_HEADER.timestamp]: message.timestamp,
    [DLQ_HEADER.group]: context.groupId,
    [DLQ_HEADER.attempts]: String(context.attempts),
    [DLQ_HEADER.deadLetteredAt]: context.at.toISOString(),
    [DLQ_HEADER.reason]: context.reason,
    [DLQ_HEADER.errorName]: context.error.name,
    [DLQ_HEADER.errorMessage]: context.error.message,
    [DLQ_HEADER.errorCode]: context.error.code,
    [DLQ_HEADER.errorStack]: context.error.stack,
    ...(context.event ? { [DLQ_HEADER.eventId]: context.event.id, [DLQ_HEADER.eventType]: context.event.type } : {}),
  });
  return { key: message.key, value: message.value, headers };
}

/**
 * The message to publish again when replaying a dead letter: value and key as they were, the original headers
 * without the `dlq-` ones, for the topic it came from.
 */
export function replayOf(deadLetter: KafkaMessage): { topic: string; message: Message } {
  const headers: IHeaders = {};
  let topic = '';
  for (const [name, value] of Object.entries(deadLetter.headers ?? {})) {
    if (name === DLQ_HEADER.topic) topic = String(value);
    else if (value !== undefined && !name.startsWith('dlq-')) headers[name] = value;
  }
  if (!topic) throw new Error(`not a dead letter: no ${DLQ_HEADER.topic} header`);
  return { topic, message: { key: deadLetter.key, value: deadLetter.value, headers } };
}
