/** How the stand-in retries a PAYMENT callback (docs/bank-protocol.md, "Retries"). */
export interface RetryPolicy {
  /** Attempts in all, the first included (at least 1). */
  maxAttempts: number;
  /** The wait before the second attempt; doubled before each further one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * Whether an answer calls for another attempt. `status` is the HTTP status, or undefined when there was no answer.
 * - 2xx: done. 401 `EXPIRED`: retry (signed again with a fresh `iat`).
 * - Another 4xx is definite (a bad signature, a replay, an unknown code, a mismatch): stop. 408 and 429 are not
 *   about the message but about the moment, so they are retried.
 * - 5xx or no answer: retry.
 */
export function shouldRetry(status: number | undefined, problemCode: string | undefined): boolean {
  if (status === undefined) return true;
  if (status >= 200 && status < 300) return false;
  if (status === 401) return problemCode === 'EXPIRED';
  if (status === 408 || status === 429) return true;
  if (status >= 400 && status < 500) return false;
  return true;
}

/** The wait before attempt `attempt` (2, 3, …): base × 2^(attempt-2), at most maxDelayMs. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 2));
}
