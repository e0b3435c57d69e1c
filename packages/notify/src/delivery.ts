/**
 * What a channel (e-mail, SMS) knows about a failed send. The dispatcher's "retried, never twice" rests on this:
 * only a failure that proves the message was NOT handed over may be retried automatically.
 */
export type DeliveryOutcome =
  /** Not handed over, and trying again later may work (connection refused, timeout before the message, 4xx). */
  | 'not_sent_retryable'
  /** Not handed over, and it never will be (5xx: recipient refused, message refused). */
  | 'not_sent_permanent'
  /** Maybe handed over: the connection failed after the message was on its way and before the reply. */
  | 'unknown';

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly outcome: DeliveryOutcome,
    /** A short machine-readable reason for the ledger (e.g. `smtp 451`, `ECONNREFUSED`). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/** One message a channel sends; `id` is the notification's id (stable across attempts). */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface OutgoingSms {
  id: string;
  /** Mainland mobile number, 11 digits. */
  to: string;
  text: string;
}

/** What the receiving side answered (kept in the ledger for an operator). */
export interface DeliveryReceipt {
  /** E.g. the SMTP reply `250 2.0.0 Ok: queued as …`, or a provider's message id. */
  response: string;
  /** The Message-ID header an e-mail went out with. */
  messageId?: string;
}

export interface EmailSender {
  /** Resolves once the server accepted the message; throws DeliveryError otherwise. */
  send(email: OutgoingEmail): Promise<DeliveryReceipt>;
}

/** An SMS gateway. A production provider implements this with its API; `MailboxSmsProvider` is the local one. */
export interface SmsProvider {
  /** Resolves once the provider accepted the text; throws DeliveryError otherwise. */
  send(sms: OutgoingSms): Promise<DeliveryReceipt>;
}

/** The outcome of any error: a DeliveryError says it; anything else is `unknown` (never resent by itself). */
export function outcomeOf(err: unknown): { outcome: DeliveryOutcome; reason: string } {
  if (err instanceof DeliveryError) return { outcome: err.outcome, reason: err.reason };
  return { outcome: 'unknown', reason: err instanceof Error ? err.name : 'error' };
}
