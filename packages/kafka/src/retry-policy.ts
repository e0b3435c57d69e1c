import { DomainError } from '@govhall/errors';

/**
 * What a consumer does when handling a message fails (docs/adr/0016-consumer-retries-and-dead-letters.md):
 * - a **transient** failure (the database or another dependency cannot be reached) says nothing about the
 *   message: it is retried with backoff for as long as it takes, and never dead-lettered, so an outage pauses
 *   the partition instead of emptying it onto the dead-letter topic;
 * - any other failure counts as an attempt; after `maxAttempts` of them the message is dead-lettered.
 */
export interface RetryPolicyOptions {
  /** Attempts (the first included) before a message whose handling keeps failing is dead-lettered. */
  maxAttempts: number;
  /** Wait after the first failure; each further failure doubles it. */
  initialBackoffMs: number;
  /** Upper bound of the wait. */
  maxBackoffMs: number;
  /** True for a failure that is about the environment, not the message. */
  isTransient: (err: unknown) => boolean;
}

export type RetryDecision =
  { action: 'retry'; delayMs: number; transient: boolean } | { action: 'dead-letter'; transient: false };

/** The failures of one message so far. */
export interface MessageAttempts {
  /** Records a failure and says what to do next. */
  fail(err: unknown): RetryDecision;
  /** Failed attempts so far, transient ones included. */
  readonly attempts: number;
}

export interface RetryPolicy {
  readonly options: RetryPolicyOptions;
  /** A fresh count for one message. */
  forMessage(): MessageAttempts;
}

export const DEFAULT_RETRY: Omit<RetryPolicyOptions, 'isTransient'> = {
  maxAttempts: 5,
  initialBackoffMs: 500,
  maxBackoffMs: 10_000,
};

export function createRetryPolicy(options: Partial<RetryPolicyOptions> = {}): RetryPolicy {
  const resolved: RetryPolicyOptions = { ...DEFAULT_RETRY, isTransient: isTransientError, ...options };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1)
    throw new RangeError('maxAttempts must be an integer of at least 1');
  if (resolved.initialBackoffMs < 0 || resolved.maxBackoffMs < resolved.initialBackoffMs)
    throw new RangeError('backoff must satisfy 0 <= initialBackoffMs <= maxBackoffMs');
  // The n-th failure of a kind waits initial * 2^(n-1), at most maxBackoffMs.
  const backoff = (n: number) =>
    Math.min(resolved.maxBackoffMs, resolved.initialBackoffMs * 2 ** Math.min(Math.max(n - 1, 0), 30));
  return {
    options: resolved,
    forMessage() {
      let permanent = 0;
      let transient = 0;
      return {
        get attempts() {
          return permanent + transient;
        },
        fail(err) {
          if (resolved.isTransient(err)) return { action: 'retry', delayMs: backoff(++transient), transient: true };
          if (++permanent >= resolved.maxAttempts) return { action: 'dead-letter', transient: false };
          return { action: 'retry', delayMs: backoff(permanent), transient: false };
        },
      };
    },
  };
}

/**
 * A handler throws this to say "not now, not the message's fault" (a dependency answered that it is unavailable):
 * the message is retried without limit and never dead-lettered.
 */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/** Driver error classes that mean the server could not be reached or answered in time (mongodb, mongoose). */
const TRANSIENT_NAMES = new Set([
  'TransientError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
  'MongoOperationTimeoutError',
]);

/**
 * Server error codes that mean "try again" (MongoDB's retryable codes; FerretDB answers InternalError, code 1,
 * when PostgreSQL cannot be reached).
 */
const TRANSIENT_CODES = new Set([1, 6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436]);

/** Node system errors of a connection that failed or dropped. */
const TRANSIENT_SYSCALL_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * The default classification: driver connection and timeout errors, retryable server codes, dropped sockets, a
 * `DomainError` of kind `unavailable`, `TransientError`, or any of these as an error's `cause`. Everything else
 * (a decode failure, a validation error, a duplicate key, a bug) is about the message and counts as an attempt.
 */
export function isTransientError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, code, hasErrorLabel } = e as { name?: unknown; code?: unknown; hasErrorLabel?: unknown };
    if (e instanceof DomainError) return e.kind === 'unavailable';
    if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
    if (typeof code === 'number' && TRANSIENT_CODES.has(code) && typeof name === 'string' && name.startsWith('Mongo'))
      return true;
    if (typeof code === 'string' && TRANSIENT_SYSCALL_CODES.has(code)) return true;
    if (typeof hasErrorLabel === 'function' && hasErrorLabel.call(e, 'RetryableWriteError') === true) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
