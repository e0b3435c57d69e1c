import { ConcurrencyError } from '@govhall/errors';
import { maskEmail, maskPhone } from '@govhall/identifiers';
import type { Logger } from '@govhall/logging';
import { DeliveryError, outcomeOf, type DeliveryReceipt, type EmailSender, type SmsProvider } from './delivery';
import type { LedgerEntry, NotificationLedger } from './ledger';

export interface RetryPolicy {
  /** Attempts in all, the first included, before a retryable failure becomes `failed`. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubles with each further one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** What the dispatcher needs of the ledger. */
export type DispatchLedger = Pick<NotificationLedger, 'due' | 'abandoned' | 'update'>;

export interface DispatcherOptions {
  ledger: DispatchLedger;
  email?: EmailSender;
  sms?: SmsProvider;
  logger: Logger;
  now?: () => Date;
  retry?: Partial<RetryPolicy>;
  /**
   * How long an attempt may take before another pass presumes its process dead and marks the entry `uncertain`.
   * Longer than any send can last (the SMTP sender's timeouts: 10 s + 10 s + 60 s of silence).
   */
  leaseMs?: number;
  batchSize?: number;
  /** Wait between passes while idle (a nudge starts one at once). */
  pollMs?: number;
}

export interface PassResult {
  sent: number;
  retrying: number;
  failed: number;
  uncertain: number;
  /** Abandoned attempts (a crashed or stalled sender) marked uncertain in this pass. */
  abandoned: number;
}

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** A recipient as logs may show it. */
export function maskRecipient(entry: Pick<LedgerEntry, 'channel' | 'to'>): string {
  return entry.channel === 'sms' ? maskPhone(entry.to) : maskEmail(entry.to);
}

/**
 * Sends what the ledger holds, each notification at most once:
 *
 * 1. an entry is claimed (`pending` → `sending`, versioned, with a lease) before anything goes out;
 * 2. the channel's answer decides: accepted → `sent`; provably not sent → `pending` again after a backoff (or
 *    `failed` after maxAttempts / on a permanent refusal); anything else → `uncertain`;
 * 3. an entry still `sending` after its lease (the process died mid-attempt) → `uncertain`, never resent by itself.
 *
 * So a notification goes out twice only if an operator decides to resend an uncertain one (same Message-ID).
 */
export class NotificationDispatcher {
  private readonly retry: RetryPolicy;
  private timer?: NodeJS.Timeout;
  private running = false;
  private current?: Promise<unknown>;
  private wake = false;

  constructor(private readonly options: DispatcherOptions) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  start(): void {
    this.running = true;
    this.schedule(0);
  }

  /** Asks for a pass now (after enqueueing). */
  nudge(): void {
    if (!this.running) return;
    if (this.current) this.wake = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.current = this.pass()
        .catch((err: unknown) => this.options.logger.error({ err }, 'notification pass failed; will retry'))
        .finally(() => {
          this.current = undefined;
          if (!this.running) return;
          const again = this.wake;
          this.wake = false;
          this.schedule(again ? 0 : (this.options.pollMs ?? 1_000));
        });
    }, delay);
    this.timer.unref();
  }

  /** One pass: marks abandoned attempts uncertain, then sends the due entries one by one. */
  async pass(): Promise<PassResult> {
    const result: PassResult = { sent: 0, retrying: 0, failed: 0, uncertain: 0, abandoned: 0 };
    const batch = this.options.batchSize ?? 20;
    const { ledger, logger } = this.options;
    for (const entry of await ledger.abandoned(this.now(), batch)) {
      try {
        await ledger.update(entry.id, entry.version, {
          state: 'uncertain',
          lastError: 'attempt abandoned (the sending process stopped before it knew the outcome)',
        });
        result.abandoned += 1;
        logger.warn(
          { notification: entry.id, channel: entry.channel, to: maskRecipient(entry) },
          'notification attempt abandoned; marked uncertain, not resent',
        );
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
      }
    }
    const due = await ledger.due(this.now(), batch);
    if (due.length === batch) this.wake = true;
    for (const entry of due) {
      const outcome = await this.attempt(entry);
      if (outcome) result[outcome] += 1;
    }
    return result;
  }

  private async attempt(entry: LedgerEntry): Promise<keyof PassResult | undefined> {
    const { ledger, logger } = this.options;
    const started = this.now();
    try {
      await ledger.update(entry.id, entry.version, {
        state: 'sending',
        attempts: entry.attempts + 1,
        lastAttemptAt: started,
        leaseUntil: new Date(started.getTime() + (this.options.leaseMs ?? 300_000)),
      });
    } catch (err) {
      if (err instanceof ConcurrencyError) return undefined; // someone else took it
      throw err;
    }
    const version = entry.version + 1;
    const attempts = entry.attempts + 1;
    const log = { notification: entry.id, channel: entry.channel, to: maskRecipient(entry), attempt: attempts };
    let receipt: DeliveryReceipt;
    try {
      receipt = await this.deliver(entry);
    } catch (err) {
      const { outcome, reason } = outcomeOf(err);
      if (outcome === 'unknown') {
        await this.settle(entry.id, version, { state: 'uncertain', lastError: reason }, ['leaseUntil']);
        logger.warn({ ...log, reason }, 'notification outcome unknown; marked uncertain, not resent');
        return 'uncertain';
      }
      if (outcome === 'not_sent_permanent' || attempts >= this.retry.maxAttempts) {
        await this.settle(entry.id, version, { state: 'failed', lastError: reason }, ['leaseUntil']);
        logger.warn({ ...log, reason }, 'notification failed; not sent');
        return 'failed';
      }
      const next = new Date(this.now().getTime() + retryDelayMs(this.retry, attempts));
      await this.settle(entry.id, version, { state: 'pending', lastError: reason, nextAttemptAt: next }, [
        'leaseUntil',
      ]);
      logger.info({ ...log, reason, nextAttemptAt: next }, 'notification not sent; will retry');
      return 'retrying';
    }
    await this.settle(
      entry.id,
      version,
      { state: 'sent', sentAt: this.now(), response: receipt.response.slice(0, 500), messageId: receipt.messageId },
      ['leaseUntil', 'lastError'],
    );
    logger.info(log, 'notification sent');
    return 'sent';
  }

  private deliver(entry: LedgerEntry): Promise<DeliveryReceipt> {
    if (entry.channel === 'email') {
      if (!this.options.email)
        throw new DeliveryError('no e-mail sender configured', 'not_sent_retryable', 'no sender');
      return this.options.email.send({ id: entry.id, to: entry.to, subject: entry.subject ?? '', text: entry.text });
    }
    if (!this.options.sms) throw new DeliveryError('no SMS provider configured', 'not_sent_retryable', 'no provider');
    return this.options.sms.send({ id: entry.id, to: entry.to, text: entry.text });
  }

  /** Records an attempt's end; if the entry changed meanwhile (lease expired and marked uncertain), says so. */
  private async settle(id: string, version: number, set: Partial<LedgerEntry>, unset: (keyof LedgerEntry)[]) {
    try {
      await this.options.ledger.update(id, version, set, unset);
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) throw err;
      this.options.logger.warn(
        { notification: id, outcome: set.state },
        'notification changed during its attempt (lease expired?); its outcome was not recorded',
      );
    }
  }
}
