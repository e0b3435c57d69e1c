import { paymentMarkedByStaff, type StaffMarkPaidFacts } from './payment-violation-detectors';

const facts = (overrides: Partial<StaffMarkPaidFacts> = {}): StaffMarkPaidFacts => ({
  eventId: 'e-9',
  // 2026-12-05 01:30 in China: still 12-04 in UTC.
  occurredAt: new Date('2026-12-04T17:30:00Z'),
  tenant: '620321',
  caseId: 'case-1',
  caseNumber: '620321202612030001',
  itemName: '存量房转移登记',
  noticeNumber: '永昌县政务服务中心缴〔2026〕00012号',
  actor: 'yc-clerk',
  roles: ['window_clerk'],
  department: '620321-ZRZY',
  attempt: 2,
  reason: '收缴分离：工作人员不能将缴款通知书标记为已缴费',
  ...overrides,
});

describe('payment_marked_by_staff (收缴分离)', () => {
  it('is one violation per attempt, named by the case and the attempt, with the person and the evidence', () => {
    const [v, ...more] = paymentMarkedByStaff(facts());
    expect(more).toEqual([]);
    expect(v).toMatchObject({
      id: 'case-1.payment-marked-by-staff.2',
      tenant: '620321',
      kind: 'payment_marked_by_staff',
      matterId: 'case-1',
      caseNumber: '620321202612030001',
      department: '620321-ZRZY',
      person: 'yc-clerk',
      occurredDate: '2026-12-05',
    });
    expect(v!.summary).toContain('缴款通知书永昌县政务服务中心缴〔2026〕00012号标记为已缴费（第2次）');
    expect(v!.evidence.map((e) => [e.label, e.value, e.eventId])).toEqual([
      ['办件编号', '620321202612030001', 'e-9'],
      ['缴款通知书编号', '永昌县政务服务中心缴〔2026〕00012号', 'e-9'],
      ['操作人员', 'yc-clerk', 'e-9'],
      ['操作人员角色', 'window_clerk', 'e-9'],
      ['尝试次数', '2', 'e-9'],
      ['系统拒绝理由', '收缴分离：工作人员不能将缴款通知书标记为已缴费', 'e-9'],
    ]);
    // The same attempt seen again has the same id; the next attempt is another violation.
    expect(paymentMarkedByStaff(facts())[0]!.id).toBe(v!.id);
    expect(paymentMarkedByStaff(facts({ attempt: 3 }))[0]!.id).toBe('case-1.payment-marked-by-staff.3');
  });

  it('records nothing without a case or an attempt number', () => {
    expect(paymentMarkedByStaff(facts({ caseId: '' }))).toEqual([]);
    expect(paymentMarkedByStaff(facts({ attempt: 0 }))).toEqual([]);
  });
});
