import { ValidationError } from '@govhall/errors';
import { assessLines, issue, openNotice, recordPart, waive, type AssessableLine } from './assessment';

const ZRZY = '620321-ZRZY';
const SWJ = '620321-SWJ';

const line = (over: Partial<AssessableLine>): AssessableLine => ({
  feeCode: 'BDCDJ-ZZ',
  name: '不动产登记费（住宅类）',
  category: 'administrative',
  department: ZRZY,
  collectingUnitCode: '620321001',
  revenueCode: '103040101',
  legalBasis: '发改价格规〔2016〕2559号',
  standardFen: 8000,
  unit: '件',
  formula: '',
  reductionsNote: '',
  ...over,
});

const LINES: AssessableLine[] = [
  line({}),
  line({ feeCode: 'BDCDJ-FZZ', name: '不动产登记费（非住宅类）', standardFen: 55000 }),
  line({ feeCode: 'BDCQZS-GBF', name: '工本费', standardFen: 1000, unit: '本' }),
  line({
    feeCode: 'QS',
    name: '契税',
    category: 'tax',
    department: SWJ,
    standardFen: 0,
    formula: 'property.price * 0.01',
    formulaFen: 1234568,
  }),
];

function violationsOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.violations.map((v) => ({ path: v.path, reason: v.reason }));
    throw e;
  }
  throw new Error('no violations');
}

describe('assessing a department’s lines', () => {
  it('prices fixed lines by quantity, leaves out lines not charged, and applies reductions with their basis', () => {
    const lines = assessLines(LINES, ZRZY, [
      { feeCode: 'bdcdj-zz', quantity: 1, reductions: [] },
      { feeCode: 'BDCDJ-FZZ', quantity: 0, reductions: [] },
      {
        feeCode: 'BDCQZS-GBF',
        quantity: 2,
        reductions: [{ kind: 'reduce', amountFen: 500, legalBasis: '困难群众减半收取工本费' }],
      },
    ]);
    expect(lines.map((l) => [l.feeCode, l.quantity, l.grossFen, l.amountFen])).toEqual([
      ['BDCDJ-ZZ', 1, 8000, 8000],
      ['BDCQZS-GBF', 2, 2000, 1500],
    ]);
    expect(lines[1]!.department).toBe(ZRZY);
  });

  it('takes a formula line’s amount as computed, and an exemption frees the whole line', () => {
    const [tax] = assessLines(LINES, SWJ, [
      { feeCode: 'QS', quantity: 7, reductions: [{ kind: 'exempt', amountFen: 0, legalBasis: '契税法第六条' }] },
    ]);
    expect(tax).toMatchObject({ quantity: 1, grossFen: 1234568, amountFen: 0, standardFen: 0 });
  });

  it('refuses lines of other departments, lines left out, bad quantities and reductions without basis', () => {
    expect(
      violationsOf(() =>
        assessLines(LINES, ZRZY, [
          { feeCode: 'QS', quantity: 1, reductions: [] },
          { feeCode: 'BDCDJ-ZZ', quantity: -1, reductions: [] },
          {
            feeCode: 'BDCQZS-GBF',
            quantity: 1,
            reductions: [{ kind: 'reduce', amountFen: 1001, legalBasis: ' ' }],
          },
        ]),
      ),
    ).toEqual([
      { path: 'lines.0.feeCode', reason: 'NOT_A_LINE_OF_YOURS' },
      { path: 'lines.1.quantity', reason: 'RANGE' },
      { path: 'lines.2.reductions.0.legalBasis', reason: 'REQUIRED' },
      { path: 'lines.2.reductions.0.amountFen', reason: 'RANGE' },
      { path: 'lines', reason: 'MISSING_LINE' },
    ]);
  });

  it('refuses a formula line whose amount could not be computed, with the reason', () => {
    const broken = LINES.map((l) =>
      l.feeCode === 'QS' ? { ...l, formulaFen: undefined, formulaProblem: '缺少字段 property.price' } : l,
    );
    expect(violationsOf(() => assessLines(broken, SWJ, [{ feeCode: 'QS', quantity: 1, reductions: [] }]))).toEqual([
      { path: 'lines.0.feeCode', reason: 'FORMULA_FAILED' },
    ]);
  });
});

describe('a notice of several departments (一门式收费)', () => {
  const now = new Date('2026-12-05T02:00:00Z');
  const facts = {
    tenant: '620321',
    caseId: 'case-1',
    caseNumber: '6203212026120500001',
    itemName: '存量房转移登记一件事',
    applicantSubject: 'sub-1',
    payerName: '张三',
  };

  it('is complete only when every owning department has assessed, and totals its lines exactly', () => {
    const opened = openNotice(facts, { body: '永昌县政务服务中心', code: '620321' }, [ZRZY, SWJ, ZRZY], 'n-1', now);
    expect(opened.parts.map((p) => p.department)).toEqual([ZRZY, SWJ].sort());
    const first = recordPart(
      opened,
      ZRZY,
      assessLines(LINES, ZRZY, [
        { feeCode: 'BDCDJ-ZZ', quantity: 1, reductions: [] },
        { feeCode: 'BDCDJ-FZZ', quantity: 0, reductions: [] },
        { feeCode: 'BDCQZS-GBF', quantity: 1, reductions: [] },
      ]),
      'zrzy-reviewer',
      'r-1',
      now,
    );
    expect(first.complete).toBe(false);
    expect(() => recordPart(first.notice, ZRZY, [], 'x', 'r-2', now)).toThrow('不能重复核定');
    const second = recordPart(
      first.notice,
      SWJ,
      assessLines(LINES, SWJ, [{ feeCode: 'QS', quantity: 1, reductions: [] }]),
      'swj-reviewer',
      'r-3',
      now,
    );
    expect(second.complete).toBe(true);
    expect(second.notice.totalFen).toBe(8000 + 1000 + 1234568);
    expect(second.notice.totalFen).toBe(second.notice.lines.reduce((s, l) => s + l.amountFen, 0));
    const issued = issue(
      second.notice,
      { number: 'N', paymentCode: '00000000079927398713', deadline: '2026-12-20', capitals: '人民币…' },
      now,
    );
    expect(issued.notice.state).toBe('issued');
    expect(issued.events.map((e) => e.type)).toEqual(['NoticeIssued']);
    expect(waive(second.notice, '人民币零元整', now).notice.state).toBe('waived');
  });
});
