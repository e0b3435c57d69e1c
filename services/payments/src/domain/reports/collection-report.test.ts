import { ValidationError } from '@govhall/errors';
import type { Notice, NoticeLine } from '../notices/notice';
import { checkPeriod, collectionReport } from './collection-report';

const line = (department: string, category: NoticeLine['category'], amountFen: number): NoticeLine => ({
  feeCode: `${department}-${category}`,
  name: '测试收费',
  category,
  department,
  collectingUnitCode: '620321001',
  revenueCode: '103040101',
  legalBasis: '测试依据',
  quantity: 1,
  standardFen: amountFen,
  unit: '件',
  formula: '',
  grossFen: amountFen,
  reductions: [],
  amountFen,
});

const notice = (id: string, paidAt: string | undefined, lines: NoticeLine[], over: Partial<Notice> = {}): Notice => ({
  id,
  tenant: '620321',
  caseId: `c-${id}`,
  caseNumber: id,
  itemName: '存量房转移登记',
  applicantSubject: 's',
  state: paidAt ? 'paid' : 'issued',
  payerName: '张三',
  collectingBody: '永昌县政务服务中心',
  collectingBodyCode: '620321',
  lines,
  parts: [],
  totalFen: lines.reduce((a, l) => a + l.amountFen, 0),
  markPaidAttempts: 0,
  refunds: [],
  ...(paidAt
    ? {
        payment: {
          source: 'bank_callback' as const,
          channel: 'stand-in',
          bankTxnId: `T-${id}`,
          paidAt: new Date(paidAt),
          receiptCode: '62010126',
          receiptNumber: '0000000001',
          confirmedAt: new Date(paidAt),
        },
      }
    : {}),
  version: 3,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
  ...over,
});

// 0.1 + 0.2 in yuan, and amounts whose float sum drifts: fen stay integers.
const notices = [
  notice('a', '2026-11-30T15:00:00Z', [line('620321-ZRZY', 'administrative', 10), line('620321-SWJ', 'tax', 20)]),
  notice('b', '2026-11-15T02:00:00Z', [
    line('620321-ZRZY', 'administrative', 8000),
    line('620321-ZRZY', 'institutional', 1000),
  ]),
  // a was paid at 23:00 on 30 November in China; c at 00:30 on 1 December (16:30 UTC on 30 November).
  notice('c', '2026-11-30T16:30:00Z', [line('620321-SWJ', 'tax', 999_999_999)]),
  notice('d', undefined, [line('620321-SWJ', 'tax', 5)]),
];

describe('the collection report (P10)', () => {
  const november = { tenant: '620321', from: '2026-11-01', to: '2026-11-30' };

  it('counts each paid line for its owning department on the bank’s China day, in integer fen', () => {
    const r = collectionReport({ ...november, grouping: 'department', notices });
    // c was paid on 1 December in China; d is not paid.
    expect(r.rows).toEqual([
      { department: '620321-SWJ', category: '', noticeCount: 1, lineCount: 1, amountFen: 20 },
      { department: '620321-ZRZY', category: '', noticeCount: 2, lineCount: 3, amountFen: 9010 },
    ]);
    expect(r).toMatchObject({ totalFen: 9030, noticeCount: 2 });
    expect(r.rows.reduce((a, row) => a + row.amountFen, 0)).toBe(r.totalFen);
  });

  it('groups by category, and by both', () => {
    expect(collectionReport({ ...november, grouping: 'category', notices }).rows).toEqual([
      { department: '', category: 'administrative', noticeCount: 2, lineCount: 2, amountFen: 8010 },
      { department: '', category: 'institutional', noticeCount: 1, lineCount: 1, amountFen: 1000 },
      { department: '', category: 'tax', noticeCount: 1, lineCount: 1, amountFen: 20 },
    ]);
    expect(
      collectionReport({ ...november, grouping: 'department_and_category', notices }).rows.map(
        (r) => `${r.department}/${r.category}`,
      ),
    ).toEqual(['620321-SWJ/tax', '620321-ZRZY/administrative', '620321-ZRZY/institutional']);
  });

  it('counts refunds on the day the bank paid them back, whatever day their notice was paid', () => {
    const refunded = notice('e', '2026-10-20T02:00:00Z', [line('620321-ZRZY', 'administrative', 8000)], {
      refunds: [
        {
          id: 'r1',
          amountFen: 3000,
          reason: '多收',
          state: 'refunded',
          requestedBy: 'clerk',
          requestedAt: new Date('2026-11-02T02:00:00Z'),
          requestId: 'q1',
          refundedAt: new Date('2026-11-03T02:00:00Z'),
        },
        {
          id: 'r2',
          amountFen: 1000,
          reason: '多收',
          state: 'approved',
          requestedBy: 'clerk',
          requestedAt: new Date('2026-11-02T02:00:00Z'),
          requestId: 'q2',
        },
      ],
    });
    const r = collectionReport({ ...november, grouping: 'department', notices: [...notices, refunded] });
    expect(r).toMatchObject({ totalFen: 9030, refundedFen: 3000, refundCount: 1 });
  });

  it('refuses a period that is not one', () => {
    const reasons = (from: string, to: string) => {
      try {
        checkPeriod(from, to);
        return [];
      } catch (e) {
        return (e as ValidationError).violations.map((v) => `${v.path}:${v.reason}`);
      }
    };
    expect(reasons('2026-11-01', '2026-11-30')).toEqual([]);
    expect(reasons('2026-02-30', '2026-13-01')).toEqual(['from:INVALID', 'to:INVALID']);
    expect(reasons('2026-11-30', '2026-11-01')).toEqual(['to:BEFORE_FROM']);
    expect(reasons('2025-01-01', '2026-01-02')).toEqual(['to:RANGE']);
  });
});
