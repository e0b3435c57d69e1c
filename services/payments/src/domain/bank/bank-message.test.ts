import { PreconditionError, UnauthenticatedError, ValidationError } from '@govhall/errors';
import type { Notice } from '../notices/notice';
import { confirmPayment, readCallback, requireFresh } from './bank-message';

const NOW = new Date('2026-12-05T03:00:00Z');
const CODE = '00000000079927398713';

const callback = (over: Record<string, unknown> = {}) => ({
  type: 'PAYMENT',
  iat: Math.floor(NOW.getTime() / 1000),
  nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
  paymentCode: CODE,
  amountFen: 1243568,
  bankTxnId: 'TXN-1',
  paidAt: '2026-12-05T10:59:00+08:00',
  receiptCode: '62010126',
  receiptNumber: '0000012345',
  ...over,
});

const notice = (over: Partial<Notice> = {}): Notice => ({
  id: 'n-1',
  tenant: '620321',
  caseId: 'c-1',
  caseNumber: '6203212026120500001',
  itemName: '存量房转移登记',
  applicantSubject: 's',
  state: 'issued',
  number: '永昌县政务服务中心缴〔2026〕00001号',
  paymentCode: CODE,
  payerName: '张三',
  collectingBody: '永昌县政务服务中心',
  collectingBodyCode: '620321',
  lines: [],
  parts: [],
  totalFen: 1243568,
  markPaidAttempts: 0,
  refunds: [],
  version: 3,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

describe('reading a verified callback', () => {
  it('takes a well-formed payment', () => {
    expect(readCallback(callback())).toMatchObject({ amountFen: 1243568, bankTxnId: 'TXN-1' });
  });

  it('names each malformed field; a float amount is refused, never rounded', () => {
    try {
      readCallback(
        callback({ amountFen: 12435.68, nonce: 'short', paymentCode: '00000000079927398714', paidAt: 'today' }),
      );
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).violations.map((v) => v.path).sort()).toEqual(
        ['amountFen', 'nonce', 'paidAt', 'paymentCode'].sort(),
      );
    }
    expect(() => readCallback([])).toThrow(ValidationError);
  });
});

describe('the time window', () => {
  it('accepts ±300 s and refuses later or earlier messages as EXPIRED', () => {
    const iat = NOW.getTime() / 1000;
    expect(() => requireFresh(iat - 300, NOW)).not.toThrow();
    expect(() => requireFresh(iat + 300, NOW)).not.toThrow();
    expect(() => requireFresh(iat - 301, NOW)).toThrow(UnauthenticatedError);
    expect(() => requireFresh(iat + 301, NOW)).toThrow(expect.objectContaining({ code: 'EXPIRED' }));
  });
});

describe('confirming a payment', () => {
  it('pays an issued notice (or one with a slip registered) with NoticePaid', () => {
    for (const state of ['issued', 'slip_registered'] as const) {
      const verdict = confirmPayment(notice({ state }), readCallback(callback()), 'stand-in', NOW);
      expect(verdict.outcome).toBe('accepted');
      if (verdict.outcome !== 'accepted') return;
      expect(verdict.change.notice).toMatchObject({
        state: 'paid',
        payment: { source: 'bank_callback', bankTxnId: 'TXN-1' },
      });
      expect(verdict.change.events.map((e) => e.type)).toEqual(['NoticePaid']);
    }
  });

  it('answers a repeat of the same transaction as a duplicate, and refuses another transaction on a paid notice', () => {
    const paid = confirmPayment(notice(), readCallback(callback()), 'stand-in', NOW);
    if (paid.outcome !== 'accepted') throw new Error('not accepted');
    expect(confirmPayment(paid.change.notice, readCallback(callback()), 'stand-in', NOW)).toEqual({
      outcome: 'duplicate',
    });
    expect(() =>
      confirmPayment(paid.change.notice, readCallback(callback({ bankTxnId: 'TXN-2' })), 'stand-in', NOW),
    ).toThrow(expect.objectContaining({ code: 'NOTICE_NOT_PAYABLE' }));
  });

  it('refuses an amount that differs from the total, and notices not payable', () => {
    expect(() => confirmPayment(notice(), readCallback(callback({ amountFen: 1243567 })), 'stand-in', NOW)).toThrow(
      expect.objectContaining({ code: 'AMOUNT_MISMATCH' }),
    );
    for (const state of ['assessing', 'waived', 'cancelled'] as const) {
      expect(() => confirmPayment(notice({ state }), readCallback(callback()), 'stand-in', NOW)).toThrow(
        PreconditionError,
      );
    }
  });
});
