import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { Notice } from '../notices/notice';
import { readRefundCallback } from '../bank/refund-message';
import { approveRefund, confirmRefund, markInstructed, refundableFen, rejectRefund, requestRefund } from './refund';

const NOW = new Date('2026-12-05T03:00:00Z');
const LATER = new Date('2026-12-05T04:00:00Z');

const paid = (over: Partial<Notice> = {}): Notice => ({
  id: 'n-1',
  tenant: '620321',
  caseId: 'c-1',
  caseNumber: '6203212026120500001',
  itemName: '存量房转移登记',
  applicantSubject: 's',
  state: 'paid',
  number: '永昌县政务服务中心缴〔2026〕00001号',
  paymentCode: '00000000079927398713',
  payerName: '张三',
  collectingBody: '永昌县政务服务中心',
  collectingBodyCode: '620321',
  lines: [],
  parts: [],
  totalFen: 1_243_568,
  markPaidAttempts: 0,
  refunds: [],
  payment: {
    source: 'bank_callback',
    channel: 'stand-in',
    bankTxnId: 'TXN-1',
    paidAt: NOW,
    receiptCode: '62010126',
    receiptNumber: '0000012345',
    confirmedAt: NOW,
  },
  version: 5,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

const ask = (notice: Notice, amountFen: number, id = 'r-1') =>
  requestRefund(notice, { id, requestId: `req-${id}`, amountFen, reason: '重复缴纳契税，申请退还' }, 'clerk', NOW);

function violations(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.violations.map((v) => `${v.path}:${v.reason}`);
    throw e;
  }
  throw new Error('accepted');
}

describe('requesting a refund', () => {
  it('records it REQUESTED with its reason, and announces it', () => {
    const change = ask(paid(), 80_000);
    expect(change.notice.refunds).toEqual([
      expect.objectContaining({ id: 'r-1', amountFen: 80_000, state: 'requested', requestedBy: 'clerk' }),
    ]);
    expect(change.events).toEqual([expect.objectContaining({ type: 'RefundRequested', refundId: 'r-1' })]);
    expect(refundableFen(change.notice)).toBe(1_243_568 - 80_000);
  });

  it('refuses more than is refundable, counting the other refunds not rejected, and names the field', () => {
    const once = ask(paid(), 1_200_000).notice;
    expect(violations(() => ask(once, 43_569, 'r-2'))).toEqual(['amountFen:REFUND_TOO_LARGE']);
    expect(ask(once, 43_568, 'r-2').notice.refunds).toHaveLength(2);
    const rejected = rejectRefund(once, 'r-1', '不符合退费条件', 'finance-2', NOW).notice;
    expect(refundableFen(rejected)).toBe(1_243_568);
  });

  it('refuses a zero, negative or fractional amount and a missing reason', () => {
    for (const amount of [0, -1, 0.1 + 0.2, 12.5]) {
      expect(violations(() => ask(paid(), amount))).toEqual(['amountFen:INVALID']);
    }
    expect(
      violations(() => requestRefund(paid(), { id: 'r', requestId: 'q', amountFen: 1, reason: ' ' }, 'c', NOW)),
    ).toEqual([expect.stringMatching(/^reason:/)]);
  });

  it('refuses a notice that is not paid', () => {
    expect(() => ask(paid({ state: 'issued', payment: undefined }), 100)).toThrow(PreconditionError);
  });
});

describe('deciding a refund', () => {
  const requested = ask(paid(), 80_000).notice;

  it('the requester may not decide it (four eyes)', () => {
    expect(() => approveRefund(requested, 'r-1', 'clerk', LATER)).toThrow(ForbiddenError);
    expect(() => rejectRefund(requested, 'r-1', '理由充分', 'clerk', LATER)).toThrow(ForbiddenError);
  });

  it('another approves it: APPROVED, announced for the bank', () => {
    const change = approveRefund(requested, 'r-1', 'finance', LATER);
    expect(change.notice.refunds[0]).toMatchObject({ state: 'approved', decidedBy: 'finance', decidedAt: LATER });
    expect(change.events).toEqual([expect.objectContaining({ type: 'RefundApproved', refundId: 'r-1' })]);
    expect(() => approveRefund(change.notice, 'r-1', 'finance', LATER)).toThrow(PreconditionError);
  });

  it('a rejection needs a reason', () => {
    expect(violations(() => rejectRefund(requested, 'r-1', '', 'finance', LATER))).toEqual([
      expect.stringMatching(/^reason:/),
    ]);
    expect(rejectRefund(requested, 'r-1', '不符合退费条件', 'finance', LATER).notice.refunds[0]).toMatchObject({
      state: 'rejected',
      rejectReason: '不符合退费条件',
    });
  });

  it('an unknown refund is not found', () => {
    expect(() => approveRefund(requested, 'nope', 'finance', LATER)).toThrow(NotFoundError);
  });
});

describe("the bank's refund confirmation", () => {
  const approved = approveRefund(ask(paid(), 80_000).notice, 'r-1', 'finance', LATER).notice;
  const confirmation = { refundId: 'r-1', amountFen: 80_000, refundTxnId: 'RF-1', refundedAt: LATER };

  it('makes it REFUNDED once; the same transaction again changes nothing', () => {
    const verdict = confirmRefund(approved, confirmation, LATER);
    if (verdict.outcome !== 'accepted') throw new Error('not accepted');
    expect(verdict.change.notice.refunds[0]).toMatchObject({ state: 'refunded', bankRefundTxnId: 'RF-1' });
    expect(verdict.change.notice.state).toBe('paid');
    expect(confirmRefund(verdict.change.notice, confirmation, LATER)).toEqual({ outcome: 'duplicate' });
  });

  it('refuses another amount, a refund not approved, an unknown refund', () => {
    expect(() => confirmRefund(approved, { ...confirmation, amountFen: 80_001 }, LATER)).toThrow(
      expect.objectContaining({ code: 'AMOUNT_MISMATCH' }),
    );
    const requested = ask(paid(), 80_000).notice;
    expect(() => confirmRefund(requested, confirmation, LATER)).toThrow(
      expect.objectContaining({ code: 'REFUND_NOT_APPROVED' }),
    );
    expect(() => confirmRefund(approved, { ...confirmation, refundId: 'r-9' }, LATER)).toThrow(NotFoundError);
  });

  it('records when the instruction was sent, on approved refunds only', () => {
    expect(markInstructed(approved, 'r-1', LATER).refunds[0]!.instructedAt).toEqual(LATER);
    const requested = ask(paid(), 80_000).notice;
    expect(markInstructed(requested, 'r-1', LATER)).toBe(requested);
  });

  it('reads a REFUND callback and names each malformed field', () => {
    const ok = {
      type: 'REFUND',
      iat: 1_790_000_000,
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
      paymentCode: '00000000079927398713',
      refundId: 'r-1',
      amountFen: 80_000,
      refundTxnId: 'RF-1',
      refundedAt: '2026-12-05T12:00:00+08:00',
    };
    expect(readRefundCallback(ok)).toMatchObject({ refundId: 'r-1', amountFen: 80_000 });
    expect(violations(() => readRefundCallback({ ...ok, amountFen: 800.5, refundedAt: 'noon', refundId: '' }))).toEqual(
      ['refundId:INVALID', 'amountFen:INVALID', 'refundedAt:INVALID'],
    );
  });
});
