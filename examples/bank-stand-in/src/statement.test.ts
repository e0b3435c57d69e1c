import type { StoredRefund } from './refund-store';
import type { StoredTransaction } from './store';
import { chinaTime, STATEMENT_HEADER, statementFile, yuan } from './statement';

const tx = (over: Partial<StoredTransaction>): StoredTransaction => ({
  paymentCode: '00000000079927398713',
  amountFen: 159_000,
  bankTxnId: 'SI1',
  paidAt: '2026-12-05T02:00:00.000Z',
  receiptCode: '11202601',
  receiptNumber: '0000000001',
  noticeNumber: 'N1',
  payerName: '张*三',
  lines: [
    { collectingUnitCode: '620321001', revenueCode: '103040101', amountFen: 9_000 },
    { collectingUnitCode: '620321090', revenueCode: '10119', amountFen: 150_000 },
  ],
  callback: 'ACCEPTED',
  ...over,
});

const rows = (file: Buffer) =>
  new TextDecoder('gb18030', { fatal: true })
    .decode(file)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(','));

describe('the stand-in’s statement file', () => {
  it('lists each payment of the day once per revenue item, in GB18030 with CRLF, and the day’s refunds', () => {
    const refund: StoredRefund = {
      paymentCode: '00000000079927398713',
      refundId: 'r-1',
      amountFen: 1_500,
      refundTxnId: 'RF1',
      refundedAt: '2026-12-05T03:00:00.000Z',
      bankTxnId: 'SI1',
      callback: 'ACCEPTED',
    };
    const file = statementFile(
      '2026-12-05',
      [
        tx({}),
        // 00:30 on 6 December in China: another day's.
        tx({ bankTxnId: 'SI2', paidAt: '2026-12-05T16:30:00.000Z' }),
      ],
      [refund],
    );
    expect(file.includes(Buffer.from('缴款', 'utf8'))).toBe(false);
    const [header, ...lines] = rows(file);
    expect(header).toEqual([...STATEMENT_HEADER]);
    expect(lines).toEqual([
      [
        '2026-12-05',
        'SI1',
        '缴款',
        '00000000079927398713',
        '620321001',
        '103040101',
        '张*三',
        '90.00',
        '2026-12-05 10:00:00',
        '0000000001',
      ],
      [
        '2026-12-05',
        'SI1',
        '缴款',
        '00000000079927398713',
        '620321090',
        '10119',
        '张*三',
        '1500.00',
        '2026-12-05 10:00:00',
        '0000000001',
      ],
      [
        '2026-12-05',
        'RF1',
        '退款',
        '00000000079927398713',
        '620321001',
        '103040101',
        '张*三',
        '15.00',
        '2026-12-05 11:00:00',
        '',
      ],
    ]);
  });

  it('disagrees on purpose when told: a dropped payment, a shifted amount, a fee taken outside the center', () => {
    const file = statementFile(
      '2026-12-05',
      [tx({}), tx({ bankTxnId: 'SI3', paymentCode: '11111111111111111111' })],
      [],
      {
        drop: '11111111111111111111',
        shift: '00000000079927398713',
        outside: { collectingUnitCode: '620321001', revenueCode: '103040101' },
      },
    );
    const lines = rows(file).slice(1);
    expect(lines.map((l) => l[1]!.slice(0, 3))).toEqual(['SI1', 'SI1', 'OUT']);
    expect(lines[0]![7]).toBe('90.01');
    expect(lines[2]!.slice(4, 8)).toEqual(['620321001', '103040101', '王*五', '100.00']);
  });

  it('writes amounts and times without floating point or time zone drift', () => {
    expect([yuan(1), yuan(10), yuan(123_456_789_012)]).toEqual(['0.01', '0.10', '1234567890.12']);
    expect(chinaTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00');
  });
});
