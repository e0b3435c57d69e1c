import type { Notice } from '../notices/notice';
import { matchStatement, type MatchInput } from './matching';
import { mismatchId, resolveMismatch } from './mismatch';
import { parseStatement } from './statement-file';
import { gb18030, line, notice, statementText, TENANT, type LineFields } from './statement.test-double';

const now = new Date('2026-12-06T01:00:00Z');
const C1 = '10000000000000000001';

function run(lines: LineFields[], over: Partial<MatchInput> & { notices?: Notice[] } = {}) {
  const parsed = parseStatement(gb18030(statementText(lines)));
  const notices = over.notices ?? [];
  return matchStatement({
    tenant: TENANT,
    statementId: 'sha',
    settlementDate: parsed.settlementDate,
    lines: parsed.lines,
    noticesByCode: new Map(notices.map((n) => [n.paymentCode!, n])),
    register: {
      collectingUnitCodes: new Map([['620321001', '620321-SCJG']]),
      revenueCodes: new Map([['103040101', '620321-SCJG']]),
    },
    paidThatDay: [],
    slipsDue: [],
    now,
    ...over,
  });
}

const paidByCallback = (over: Partial<Notice> = {}) =>
  notice({
    state: 'paid',
    payment: {
      source: 'bank_callback',
      channel: 'stand-in',
      bankTxnId: 'T1',
      paidAt: new Date('2026-12-05T02:30:00Z'),
      receiptCode: '62010126',
      receiptNumber: '0000012345',
      confirmedAt: new Date('2026-12-05T02:30:01Z'),
    },
    ...over,
  });

describe('matching a statement to the notices', () => {
  it('matches a one-door payment line by line, per revenue code (P8, P10), and flags nothing', () => {
    const n = paidByCallback({
      lines: [line(), line({ feeCode: 'QS', revenueCode: '101090101', department: '620321-SWJ', amountFen: 1851852 })],
      totalFen: 1859852,
    });
    const got = run(
      [
        { code: C1, amount: '80.00' },
        { code: C1, amount: '18518.52', revenue: '101090101' },
      ],
      { notices: [n], paidThatDay: [n] },
    );
    expect(got).toEqual({ mismatches: [], paid: [], matchedCount: 1 });
  });

  it('AMOUNT: the total differs, or a revenue item’s share does', () => {
    const n = paidByCallback({
      lines: [line(), line({ feeCode: 'QS', revenueCode: '101090101', amountFen: 2000 })],
      totalFen: 10000,
    });
    const wrongTotal = run(
      [
        { code: C1, amount: '80.01' },
        { code: C1, amount: '20.00', revenue: '101090101' },
      ],
      {
        notices: [n],
      },
    );
    expect(wrongTotal.mismatches).toEqual([
      expect.objectContaining({
        id: mismatchId(TENANT, 'amount', C1),
        kind: 'amount',
        noticeId: 'n-1',
        expectedFen: 10000,
        statementFen: 10001,
        lineNumbers: [2, 3],
        revenueCode: '103040101',
      }),
    ]);
    // Same total, split wrongly between the owners: money must keep its owner (三不变).
    const wrongSplit = run(
      [
        { code: C1, amount: '90.00' },
        { code: C1, amount: '10.00', revenue: '101090101' },
      ],
      {
        notices: [n],
      },
    );
    expect(wrongSplit.mismatches).toEqual([
      expect.objectContaining({ kind: 'amount', expectedFen: 10000, statementFen: 10000 }),
    ]);
    expect(wrongSplit.paid).toEqual([]);
  });

  it('UNKNOWN_PAYMENT_CODE: a code no notice of the tenant has, with codes not in the register', () => {
    const other = notice({ tenant: '620302', paymentCode: C1 });
    const got = run([{ code: C1, amount: '5.00', unit: '999', revenue: '999' }], { notices: [other] });
    expect(got.mismatches).toEqual([
      expect.objectContaining({ kind: 'unknown_payment_code', paymentCode: C1, statementFen: 500, noticeId: '' }),
    ]);
  });

  it('FEE_OUTSIDE_CENTER: an unknown code whose revenue or collecting unit code is the tenant’s (P4)', () => {
    const byRevenue = run([{ code: '77', amount: '50.00', unit: '999', revenue: '103040101' }]);
    expect(byRevenue.mismatches).toEqual([
      expect.objectContaining({
        id: mismatchId(TENANT, 'fee_outside_center', '77'),
        kind: 'fee_outside_center',
        department: '620321-SCJG',
        revenueCode: '103040101',
        statementFen: 5000,
      }),
    ]);
    const byUnit = run([{ code: '78', amount: '50.00', unit: '620321001', revenue: '999' }]);
    expect(byUnit.mismatches[0]).toMatchObject({ kind: 'fee_outside_center', collectingUnitCode: '620321001' });
  });

  it('PAID_NOT_CONFIRMED: on the statement without the callback, the notice is marked paid by the reconciliation', () => {
    const n = notice({ state: 'slip_registered', slip: { slipNumber: 'S1', registeredBy: 'c', registeredAt: now } });
    const got = run([{ code: C1, amount: '80.00', txn: 'BANK-9', receipt: '0000099999' }], {
      notices: [n],
      slipsDue: [],
    });
    expect(got.mismatches).toEqual([expect.objectContaining({ kind: 'paid_not_confirmed', noticeId: 'n-1' })]);
    expect(got.paid).toHaveLength(1);
    const { change, expectedVersion } = got.paid[0]!;
    expect(expectedVersion).toBe(3);
    expect(change.notice).toMatchObject({
      state: 'paid',
      payment: { source: 'reconciliation', bankTxnId: 'BANK-9', receiptNumber: '0000099999', confirmedAt: now },
    });
    expect(change.events.map((e) => e.type)).toEqual(['NoticePaid']);
    // Found again (the same file after a crash, or another file): flagged, nothing changes twice.
    const again = run([{ code: C1, amount: '80.00', txn: 'BANK-9' }], { notices: [change.notice] });
    expect(again.mismatches.map((m) => m.id)).toEqual([mismatchId(TENANT, 'paid_not_confirmed', C1)]);
    expect(again.paid).toEqual([]);
  });

  it('PAID_NOT_CONFIRMED on a notice that cannot be paid: flagged, not paid', () => {
    const got = run([{ code: C1, amount: '80.00' }], { notices: [notice({ state: 'cancelled' })] });
    expect(got.mismatches).toEqual([expect.objectContaining({ kind: 'paid_not_confirmed' })]);
    expect(got.paid).toEqual([]);
  });

  it('CONFIRMED_NOT_ON_STATEMENT: paid by callback that day, missing from the statement', () => {
    const n = paidByCallback();
    const earlier = paidByCallback({
      id: 'n-0',
      paymentCode: '3',
      payment: { ...n.payment!, paidAt: new Date('2026-12-04T02:00:00Z') },
    });
    const got = run([{ code: '99', amount: '1.00', unit: '9', revenue: '9' }], { paidThatDay: [n, earlier] });
    expect(got.mismatches.map((m) => [m.kind, m.noticeId, m.bankTxnId])).toEqual([
      ['unknown_payment_code', '', 'T1'],
      ['confirmed_not_on_statement', 'n-1', 'T1'],
    ]);
  });

  it('SLIP_UNCONFIRMED: a slip registered and no statement line by the notice’s deadline (P3)', () => {
    const slip = { slipNumber: 'S1', registeredBy: 'c', registeredAt: now };
    const due = notice({ id: 'n-2', paymentCode: '2', state: 'slip_registered', slip, deadline: '2026-12-05' });
    const notYet = notice({ id: 'n-3', paymentCode: '3', state: 'slip_registered', slip, deadline: '2026-12-06' });
    const got = run([{ code: '99', amount: '1.00', unit: '9', revenue: '9' }], { slipsDue: [due, notYet] });
    expect(got.mismatches.filter((m) => m.kind === 'slip_unconfirmed')).toEqual([
      expect.objectContaining({ id: mismatchId(TENANT, 'slip_unconfirmed', 'n-2'), noticeId: 'n-2' }),
    ]);
  });

  it('does not match refund lines', () => {
    expect(run([{ code: '99', amount: '1.00', type: '退款' }]).mismatches).toEqual([]);
  });
});

describe('resolving a mismatch', () => {
  const m = run([{ code: '99', amount: '1.00', unit: '9', revenue: '9' }]).mismatches[0]!;

  it('needs a note and happens once', () => {
    expect(() => resolveMismatch(m, '  ', 'fin', now)).toThrow(
      expect.objectContaining({ violations: [expect.objectContaining({ path: 'note' })] }),
    );
    const done = resolveMismatch(m, '已与银行核实', 'fin', now);
    expect(done).toMatchObject({ state: 'resolved', resolutionNote: '已与银行核实', resolvedBy: 'fin' });
    expect(() => resolveMismatch(done, '再次处理', 'fin', now)).toThrow('该差异已处理');
  });
});
