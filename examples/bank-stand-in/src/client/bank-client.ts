import { backoffDelay, DEFAULT_RETRY_POLICY, shouldRetry, type RetryPolicy } from './retry';
import { signMessage, type SigningKey } from './signing';
import type {
  BankPayload,
  CallbackOutcome,
  NoticeInfo,
  PaymentTransaction,
  Problem,
  QueryOutcome,
  RefundTransaction,
  RevenueLine,
  Refused,
  Unreachable,
} from './types';

export type BankEndpoint = 'payment-code-queries' | 'callbacks';

export interface BankClientOptions {
  /** GovHall's gateway base URL, e.g. http://127.0.0.1:3000. */
  govhallUrl: string;
  /** The channel's name as GovHall has it in BANK_CHANNELS, e.g. "stand-in". */
  channel: string;
  key: SigningKey;
  /** The clock every `iat` is read from (default: the system clock). */
  now?: () => Date;
  /** The HTTP client (default: the global fetch); unit tests pass a fake. */
  fetch?: typeof fetch;
  /** Waits between attempts (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  retry?: RetryPolicy;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
}

export interface HttpAnswer {
  kind: 'answer';
  status: number;
  body: unknown;
}

export interface BankClient {
  /** Signs with this client's key and clock; overrides make stale or replayed messages for tests. */
  signMessage(payload: BankPayload, overrides?: { iat?: number; nonce?: string }): Promise<string>;
  /** Posts a JWS as it is (no retry): for tests that send forged, altered or replayed messages. */
  postSigned(endpoint: BankEndpoint, jws: string): Promise<HttpAnswer | Unreachable>;
  /** PAYMENT_CODE_QUERY: what the payment code is for, signed once, not retried. */
  queryPaymentCode(paymentCode: string): Promise<QueryOutcome>;
  /**
   * PAYMENT: reports a payment taken, retried per the protocol: each attempt signed again (fresh nonce and iat, the
   * same bankTxnId) until a 2xx or a definite 4xx, at most `retry.maxAttempts` attempts with doubling waits.
   */
  sendPaymentCallback(tx: PaymentTransaction): Promise<CallbackOutcome>;
  /** REFUND: reports a refund paid back as GovHall instructed, retried as a payment callback is. */
  sendRefundCallback(refund: RefundTransaction): Promise<CallbackOutcome>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toRefused(status: number, body: unknown): Refused {
  const problem: Problem = isRecord(body) ? (body as Problem) : { status, detail: undefined };
  return { kind: 'refused', status, problem };
}

function toSafeInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : undefined;
}

function readNotice(body: unknown): NoticeInfo | undefined {
  if (!isRecord(body)) return undefined;
  const totalFen = toSafeInteger(body.totalFen);
  const strings = ['paymentCode', 'noticeNumber', 'payerName', 'collectingBody', 'totalCapitals', 'deadline'] as const;
  if (totalFen === undefined || typeof body.payable !== 'boolean') return undefined;
  if (!strings.every((name) => typeof body[name] === 'string')) return undefined;
  return {
    paymentCode: body.paymentCode as string,
    noticeNumber: body.noticeNumber as string,
    payerName: body.payerName as string,
    collectingBody: body.collectingBody as string,
    totalFen,
    totalCapitals: body.totalCapitals as string,
    deadline: body.deadline as string,
    payable: body.payable,
    lines: readLines(body.lines),
  };
}

function readLines(value: unknown): RevenueLine[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((l) => {
    const amountFen = isRecord(l) ? toSafeInteger(l.amountFen) : undefined;
    if (!isRecord(l) || amountFen === undefined) return [];
    if (typeof l.collectingUnitCode !== 'string' || typeof l.revenueCode !== 'string') return [];
    return [{ collectingUnitCode: l.collectingUnitCode, revenueCode: l.revenueCode, amountFen }];
  });
}

function readOutcome(body: unknown): { outcome: 'ACCEPTED' | 'DUPLICATE'; noticeNumber: string } | undefined {
  if (!isRecord(body) || typeof body.outcome !== 'string' || typeof body.noticeNumber !== 'string') return undefined;
  const outcome = body.outcome.replace(/^OUTCOME_/, '');
  if (outcome !== 'ACCEPTED' && outcome !== 'DUPLICATE') return undefined;
  return { outcome, noticeNumber: body.noticeNumber };
}

const unreadable = (status: number): Refused => ({
  kind: 'refused',
  status,
  problem: { code: 'UNREADABLE_ANSWER', detail: '政务服务平台的应答无法识别' },
});

export function createBankClient(options: BankClientOptions): BankClient {
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.govhallUrl.replace(/\/+$/, '');

  const sign = (payload: BankPayload, overrides: { iat?: number; nonce?: string } = {}) =>
    signMessage(payload, options.key, { now, ...overrides });

  async function postSigned(endpoint: BankEndpoint, jws: string): Promise<HttpAnswer | Unreachable> {
    const url = `${base}/api/v1/payments/bank/${encodeURIComponent(options.channel)}/${endpoint}`;
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/jose', accept: 'application/json, application/problem+json' },
        body: jws,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON (e.g. a proxy's HTML error page): kept as text.
      }
      return { kind: 'answer', status: response.status, body };
    } catch (error) {
      return { kind: 'unreachable', error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function queryPaymentCode(paymentCode: string): Promise<QueryOutcome> {
    const answer = await postSigned('payment-code-queries', await sign({ type: 'PAYMENT_CODE_QUERY', paymentCode }));
    if (answer.kind === 'unreachable') return answer;
    if (answer.status < 200 || answer.status >= 300) return toRefused(answer.status, answer.body);
    const notice = readNotice(answer.body);
    return notice ? { kind: 'notice', notice } : unreadable(answer.status);
  }

  /** A callback, retried per the protocol: signed again on each attempt (fresh nonce and iat). */
  async function sendCallback(payload: BankPayload): Promise<CallbackOutcome> {
    const maxAttempts = Math.max(1, policy.maxAttempts);
    let last: Refused | Unreachable = { kind: 'unreachable', error: 'not sent' };
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await sleep(backoffDelay(attempt, policy));
      const answer = await postSigned('callbacks', await sign(payload));
      if (answer.kind === 'unreachable') {
        last = answer;
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) {
        const read = readOutcome(answer.body);
        return read
          ? { kind: 'confirmed', ...read, attempts: attempt }
          : { ...unreadable(answer.status), attempts: attempt };
      }
      const refused = toRefused(answer.status, answer.body);
      if (!shouldRetry(answer.status, refused.problem.code)) return { ...refused, attempts: attempt };
      last = refused;
    }
    return { kind: 'gave-up', last, attempts: maxAttempts };
  }

  const sendPaymentCallback = (tx: PaymentTransaction): Promise<CallbackOutcome> =>
    sendCallback({
      type: 'PAYMENT' as const,
      paymentCode: tx.paymentCode,
      amountFen: tx.amountFen,
      bankTxnId: tx.bankTxnId,
      paidAt: tx.paidAt,
      receiptCode: tx.receiptCode,
      receiptNumber: tx.receiptNumber,
    });

  const sendRefundCallback = (refund: RefundTransaction): Promise<CallbackOutcome> =>
    sendCallback({
      type: 'REFUND',
      paymentCode: refund.paymentCode,
      refundId: refund.refundId,
      amountFen: refund.amountFen,
      refundTxnId: refund.refundTxnId,
      refundedAt: refund.refundedAt,
    });

  return { signMessage: sign, postSigned, queryPaymentCode, sendPaymentCallback, sendRefundCallback };
}
