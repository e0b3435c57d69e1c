import { generateKeyPairSync } from 'node:crypto';
import { compactVerify } from 'jose';
import { createBankClient } from './bank-client';
import { backoffDelay, shouldRetry } from './retry';
import type { PaymentTransaction } from './types';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key = { privateKey, kid: 'stand-in-1' };

const tx: PaymentTransaction = {
  paymentCode: '12345678901234567890',
  amountFen: 123456,
  bankTxnId: 'SI20261205080000000001',
  paidAt: '2026-12-05T08:00:00.000Z',
  receiptCode: '11010126',
  receiptNumber: '0000000001',
};

type Reply = { status: number; body?: unknown } | 'network-error';

/** A fake GovHall edge (unit test only): answers in order and keeps what it was sent. */
function fakeGovhall(replies: Reply[]) {
  const sent: { url: string; contentType: string | null; jws: string }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({ url: String(input), contentType: headers.get('content-type'), jws: String(init?.body) });
    const reply = replies.shift();
    if (reply === undefined) throw new Error('no more replies');
    if (reply === 'network-error') throw new TypeError('fetch failed');
    const text =
      reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

async function payloadOf(jws: string): Promise<Record<string, unknown>> {
  const { payload } = await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
  return JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
}

function clientWith(replies: Reply[], maxAttempts = 5) {
  const govhall = fakeGovhall(replies);
  let clock = Date.parse('2026-12-05T08:00:00.000Z');
  const waits: number[] = [];
  const client = createBankClient({
    govhallUrl: 'http://govhall.test/',
    channel: 'stand-in',
    key,
    now: () => new Date(clock),
    fetch: govhall.fetch,
    // Waiting moves the clock, so each attempt's iat shows it was signed again.
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms + 1000;
    },
    retry: { maxAttempts, baseDelayMs: 250, maxDelayMs: 1000 },
  });
  return { client, sent: govhall.sent, waits };
}

const problem = (status: number, code: string, detail?: string) => ({ status, body: { status, code, detail } });
const accepted = { status: 200, body: { outcome: 'ACCEPTED', noticeNumber: 'JK20260001' } };

describe('sendPaymentCallback', () => {
  it('posts one signed PAYMENT as application/jose to the channel callbacks route and stops on 2xx', async () => {
    const { client, sent, waits } = clientWith([accepted]);

    const outcome = await client.sendPaymentCallback(tx);

    expect(outcome).toEqual({ kind: 'confirmed', outcome: 'ACCEPTED', noticeNumber: 'JK20260001', attempts: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('http://govhall.test/api/v1/payments/bank/stand-in/callbacks');
    expect(sent[0]!.contentType).toBe('application/jose');
    expect(await payloadOf(sent[0]!.jws)).toEqual({
      type: 'PAYMENT',
      iat: 1796457600,
      nonce: expect.any(String),
      ...tx,
    });
    expect(waits).toEqual([]);
  });

  it('retries a 5xx and a network failure, each attempt signed again with a fresh nonce and iat, same bankTxnId', async () => {
    const { client, sent, waits } = clientWith([
      problem(503, 'UNAVAILABLE'),
      'network-error',
      { status: 200, body: { outcome: 'DUPLICATE', noticeNumber: 'JK20260001' } },
    ]);

    const outcome = await client.sendPaymentCallback(tx);

    expect(outcome).toEqual({ kind: 'confirmed', outcome: 'DUPLICATE', noticeNumber: 'JK20260001', attempts: 3 });
    const payloads = await Promise.all(sent.map((s) => payloadOf(s.jws)));
    expect(new Set(sent.map((s) => s.jws)).size).toBe(3);
    expect(new Set(payloads.map((p) => p.nonce)).size).toBe(3);
    expect(payloads.map((p) => p.iat)).toEqual([1796457600, 1796457601, 1796457602]);
    expect(payloads.map((p) => p.bankTxnId)).toEqual([tx.bankTxnId, tx.bankTxnId, tx.bankTxnId]);
    expect(waits).toEqual([250, 500]);
  });

  it('retries 401 EXPIRED (signed again with a new iat)', async () => {
    const { client, sent } = clientWith([problem(401, 'EXPIRED'), accepted]);

    expect(await client.sendPaymentCallback(tx)).toMatchObject({ kind: 'confirmed', attempts: 2 });
    expect(sent).toHaveLength(2);
  });

  it.each([
    [401, 'SIGNATURE_INVALID'],
    [401, 'REPLAYED'],
    [400, 'VALIDATION_FAILED'],
    [404, 'UNKNOWN_PAYMENT_CODE'],
    [409, 'NOTICE_NOT_PAYABLE'],
    [409, 'AMOUNT_MISMATCH'],
  ])('stops at a definite %d %s after one attempt', async (status, code) => {
    const { client, sent, waits } = clientWith([problem(status, code, '中文说明'), accepted]);

    const outcome = await client.sendPaymentCallback(tx);

    expect(outcome).toEqual({ kind: 'refused', status, problem: { status, code, detail: '中文说明' }, attempts: 1 });
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives up after maxAttempts, with doubling waits capped at maxDelayMs, and reports the last answer', async () => {
    const { client, sent, waits } = clientWith(
      [
        'network-error',
        problem(502, 'BAD_GATEWAY'),
        'network-error',
        'network-error',
        problem(503, 'UNAVAILABLE'),
        accepted,
      ],
      5,
    );

    const outcome = await client.sendPaymentCallback(tx);

    expect(outcome).toEqual({
      kind: 'gave-up',
      last: { kind: 'refused', status: 503, problem: { status: 503, code: 'UNAVAILABLE' } },
      attempts: 5,
    });
    expect(sent).toHaveLength(5);
    expect(waits).toEqual([250, 500, 1000, 1000]);
  });

  it('reads a 2xx it cannot understand as a refusal, without retrying', async () => {
    const { client, sent } = clientWith([{ status: 200, body: { outcome: 'MAYBE' } }, accepted]);

    expect(await client.sendPaymentCallback(tx)).toMatchObject({
      kind: 'refused',
      problem: { code: 'UNREADABLE_ANSWER' },
    });
    expect(sent).toHaveLength(1);
  });
});

describe('queryPaymentCode', () => {
  const notice = {
    paymentCode: '12345678901234567890',
    noticeNumber: 'JK20260001',
    payerName: '张*三',
    collectingBody: '某市市场监督管理局',
    totalFen: '123456',
    totalCapitals: '壹仟贰佰叁拾肆元伍角陆分',
    deadline: '2026-12-31',
    payable: true,
  };

  it('signs a PAYMENT_CODE_QUERY and reads the notice (an int64 total given as a string becomes a number)', async () => {
    const { client, sent } = clientWith([{ status: 200, body: notice }]);

    const outcome = await client.queryPaymentCode('12345678901234567890');

    expect(outcome).toEqual({ kind: 'notice', notice: { ...notice, totalFen: 123456, lines: [] } });
    expect(sent[0]!.url).toBe('http://govhall.test/api/v1/payments/bank/stand-in/payment-code-queries');
    expect(await payloadOf(sent[0]!.jws)).toEqual({
      type: 'PAYMENT_CODE_QUERY',
      iat: 1796457600,
      nonce: expect.any(String),
      paymentCode: '12345678901234567890',
    });
  });

  it('does not retry a query: a refusal comes back with its problem, no answer as unreachable', async () => {
    const refused = clientWith([problem(404, 'UNKNOWN_PAYMENT_CODE', '没有该缴款码'), accepted]);
    expect(await refused.client.queryPaymentCode('12345678901234567890')).toEqual({
      kind: 'refused',
      status: 404,
      problem: { status: 404, code: 'UNKNOWN_PAYMENT_CODE', detail: '没有该缴款码' },
    });
    expect(refused.sent).toHaveLength(1);

    const down = clientWith(['network-error', accepted]);
    expect(await down.client.queryPaymentCode('12345678901234567890')).toEqual({
      kind: 'unreachable',
      error: 'fetch failed',
    });
    expect(down.sent).toHaveLength(1);
  });

  it('refuses a notice with a missing or unsafe field as unreadable', async () => {
    for (const body of [{ ...notice, payable: 'yes' }, { ...notice, totalFen: '99999999999999999999' }, 'not json']) {
      const { client } = clientWith([{ status: 200, body }]);
      expect(await client.queryPaymentCode('12345678901234567890')).toMatchObject({
        kind: 'refused',
        problem: { code: 'UNREADABLE_ANSWER' },
      });
    }
  });
});

describe('postSigned', () => {
  it('sends a JWS as it is, so a test can replay one byte for byte', async () => {
    const { client, sent } = clientWith([accepted, problem(401, 'REPLAYED')]);
    const jws = await client.signMessage({ type: 'PAYMENT', ...tx });

    expect(await client.postSigned('callbacks', jws)).toMatchObject({ kind: 'answer', status: 200 });
    expect(await client.postSigned('callbacks', jws)).toMatchObject({
      kind: 'answer',
      status: 401,
      body: { code: 'REPLAYED' },
    });
    expect(sent.map((s) => s.jws)).toEqual([jws, jws]);
  });
});

describe('retry policy', () => {
  it.each([
    [200, undefined, false],
    [204, undefined, false],
    [401, 'EXPIRED', true],
    [401, 'REPLAYED', false],
    [401, 'SIGNATURE_INVALID', false],
    [401, undefined, false],
    [400, 'VALIDATION_FAILED', false],
    [404, 'UNKNOWN_PAYMENT_CODE', false],
    [409, 'AMOUNT_MISMATCH', false],
    [408, undefined, true],
    [429, undefined, true],
    [500, undefined, true],
    [503, 'UNAVAILABLE', true],
    [undefined, undefined, true],
  ])('status %s code %s → retry %s', (status, code, retry) => {
    expect(shouldRetry(status, code)).toBe(retry);
  });

  it('doubles the wait from the second attempt on, up to the cap', () => {
    const policy = { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});
