import {
  agreementContent,
  agreementField,
  comprehensiveWindowsFor,
  monthRange,
  monthsIn,
  onTime,
  volumes,
  type StatisticsRow,
} from './agreement-format';
import type { Window } from '../../api/types';

const row = (department: string, accepted: number, month?: string): StatisticsRow => ({
  department,
  ...(month ? { month } : {}),
  accepted,
  transferred: accepted,
  decided: 0,
  denied: 0,
  replied: 0,
  cancelled: 0,
  transferOnTime: 0,
  departmentOnTime: 0,
  replyOnTime: 0,
  averageTransferWorkingDays: 0,
  averageDepartmentWorkingDays: 0,
  averageReplyWorkingDays: 0,
});

describe('agreement format', () => {
  it('builds the body from the form: items by series, empty budgets and windows left to the service', () => {
    expect(
      agreementContent({
        department: '620321-SLJ',
        agreementNumber: ' 永政务委〔2026〕1号 ',
        items: ['s1', 's2'],
        windowIds: [],
        transferWorkingDays: null,
        replyWorkingDays: 2,
        signedOn: '2026-12-01',
        validFrom: '2026-12-05',
        validUntil: '',
      }),
    ).toEqual({
      department: '620321-SLJ',
      agreementNumber: '永政务委〔2026〕1号',
      items: [{ itemSeriesId: 's1' }, { itemSeriesId: 's2' }],
      replyWorkingDays: 2,
      signedOn: '2026-12-01',
      validFrom: '2026-12-05',
    });
  });

  it('shows a list item’s violation at the list’s field', () => {
    expect(agreementField('items.3.itemSeriesId')).toBe('items');
    expect(agreementField('windowIds.0')).toBe('windowIds');
    expect(agreementField('validUntil')).toBe('validUntil');
  });

  it('offers the comprehensive windows serving the department only', () => {
    const w = (id: string, kind: Window['kind'], serves: string[]) =>
      ({ id, kind, servesDepartments: serves }) as unknown as Window;
    const windows = [
      w('a', 'comprehensive', ['D1', 'D2']),
      w('b', 'comprehensive', ['D3']),
      w('c', 'department', ['D2']),
    ];
    expect(comprehensiveWindowsFor(windows, 'D2').map((x) => x.id)).toEqual(['a']);
  });

  it('counts months across a year', () => {
    expect(monthRange('2026-02-14', 11)).toEqual({ fromMonth: '2025-03', toMonth: '2026-02' });
    expect(monthRange('2026-12-05', 0)).toEqual({ fromMonth: '2026-12', toMonth: '2026-12' });
    expect(monthsIn('2025-03', '2026-02')).toBe(12);
    expect(monthsIn('2026-03', '2026-02')).toBe(0);
  });

  it('groups rows by department, busiest first, and marks a high monthly volume', () => {
    const got = volumes(
      [row('A', 3, '2026-11'), row('A', 1, '2026-12'), row('A', 4), row('B', 50, '2026-12'), row('B', 50)],
      2,
    );
    expect(got.map((v) => [v.department, v.months.length, v.total?.accepted, v.perMonth, v.high])).toEqual([
      ['B', 1, 50, 25, true],
      ['A', 2, 4, 2, false],
    ]);
  });

  it('writes on-time shares', () => {
    expect(onTime(3, 4)).toBe('3/4（75%）');
    expect(onTime(0, 0)).toBe('—');
  });
});
