import { reconciliationViolations, type MismatchFacts } from './reconciliation-violation-detectors';

const facts = (overrides: Partial<MismatchFacts> = {}): MismatchFacts => ({
  eventId: 'e-7',
  occurredAt: new Date('2026-12-05T17:30:00Z'),
  tenant: '620321',
  mismatchId: '620321.fee-outside-center.7700001',
  kind: 'fee_outside_center',
  settlementDate: '2026-12-05',
  paymentCode: '7700001',
  noticeNumber: '',
  caseId: '',
  caseNumber: '',
  bankTxnId: 'BANK-77',
  collectingUnitCode: '620321001',
  revenueCode: '103040101',
  department: '620321-ZRZY',
  statementFen: 55000,
  expectedFen: 0,
  ...overrides,
});

describe('the reconciliation’s violations (P3, P4)', () => {
  it('fee_outside_center: one violation per mismatch, with the department and the statement line', () => {
    const [v, ...more] = reconciliationViolations(facts());
    expect(more).toEqual([]);
    expect(v).toMatchObject({
      id: '620321.fee-outside-center.7700001',
      tenant: '620321',
      kind: 'fee_outside_center',
      department: '620321-ZRZY',
      occurredDate: '2026-12-05',
    });
    expect(v!.summary).toContain('疑似在中心外收费');
    expect(v!.evidence.map((e) => [e.label, e.value])).toEqual([
      ['清算日期', '2026-12-05'],
      ['缴款码', '7700001'],
      ['银行流水号', 'BANK-77'],
      ['执收单位编码', '620321001'],
      ['收入项目编码', '103040101'],
      ['金额', '550.00元'],
    ]);
  });

  it('slip_unconfirmed: the case and the notice', () => {
    const [v] = reconciliationViolations(
      facts({
        kind: 'slip_unconfirmed',
        mismatchId: '620321.slip-unconfirmed.n-1',
        caseId: 'case-1',
        caseNumber: '620321202612030001',
        noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
        expectedFen: 8000,
        department: '',
      }),
    );
    expect(v).toMatchObject({ id: '620321.slip-unconfirmed.n-1', kind: 'slip_unconfirmed', matterId: 'case-1' });
    expect(v!.summary).toContain('已在窗口登记缴费回执');
  });

  it('records nothing for the reconciler’s own kinds or without an id', () => {
    expect(reconciliationViolations(facts({ kind: 'other' }))).toEqual([]);
    expect(reconciliationViolations(facts({ mismatchId: '' }))).toEqual([]);
  });
});
