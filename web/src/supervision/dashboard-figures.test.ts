import {
  chosenMonth,
  departmentRows,
  monthsEnding,
  onTimeRateOf,
  percentText,
  percentValue,
  rollUpByTenant,
  satisfactionOf,
} from './dashboard-figures';
import type { KpiCounts, KpiFigures } from './types';

const counts = (c: Partial<KpiCounts>): KpiCounts =>
  ({
    accepted: 0,
    completed: 0,
    onTime: 0,
    redCards: 0,
    violations: 0,
    ratings: 0,
    satisfiedRatings: 0,
    ...c,
  }) as KpiCounts;
const row = (tenant: string, id: string, key: string, c: Partial<KpiCounts>): KpiFigures =>
  ({
    subject: { level: 'tenant', id, tenant },
    period: { kind: 'month', key },
    counts: counts(c),
    rates: {},
  }) as KpiFigures;

describe('the leader dashboard figures', () => {
  it('lists the twelve months ending with a month, across a year boundary', () => {
    expect(monthsEnding('2026-03')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(monthsEnding('2026-12', 2)).toEqual(['2026-11', '2026-12']);
  });

  it('takes the month from the address when it is a valid month not after this one', () => {
    expect(chosenMonth('2026-08', '2026-12')).toBe('2026-08');
    expect(chosenMonth(null, '2026-12')).toBe('2026-12');
    expect(chosenMonth('2026-13', '2026-12')).toBe('2026-12');
    expect(chosenMonth('2027-01', '2026-12')).toBe('2026-12');
    expect(chosenMonth('2026-8', '2026-12')).toBe('2026-12');
  });

  it('rolls each subordinate up from its own rows and those below it, for the month only; none left out', () => {
    const figures = [
      row('620300', '620300', '2026-07', { completed: 9, onTime: 9 }),
      row('620321', '620321', '2026-07', { accepted: 3, completed: 3, onTime: 2, violations: 2 }),
      row('620321001', '620321001', '2026-07', { accepted: 1, completed: 1, onTime: 1, redCards: 1 }),
      row('620321', '620321', '2026-06', { completed: 5, onTime: 5 }),
    ];
    const rows = rollUpByTenant(
      figures,
      [
        { code: '620302', name: '金川区' },
        { code: '620321', name: '永昌县' },
      ],
      '2026-07',
    );
    expect(rows).toEqual([
      {
        code: '620302',
        name: '金川区',
        accepted: 0,
        completed: 0,
        onTime: 0,
        redCards: 0,
        violations: 0,
        ratings: 0,
        satisfiedRatings: 0,
      },
      {
        code: '620321',
        name: '永昌县',
        accepted: 4,
        completed: 4,
        onTime: 3,
        redCards: 1,
        violations: 2,
        ratings: 0,
        satisfiedRatings: 0,
      },
    ]);
    expect(onTimeRateOf(rows[1]!)).toBe(0.75);
    expect(onTimeRateOf(rows[0]!)).toBeUndefined();
  });

  it('names departments from the tenant’s list, the code when unknown', () => {
    const figures = [
      { ...row('620321', '620321-SCJG', '2026-07', { completed: 2, onTime: 1 }) },
      { ...row('620321', '620321-XX', '2026-07', { completed: 1 }) },
      { ...row('620321', '620321-SCJG', '2026-06', { completed: 7 }) },
    ];
    const rows = departmentRows(figures, [{ code: '620321-SCJG', name: '市场监督管理局' }], '2026-07');
    expect(rows.map((r) => [r.name, r.completed, r.onTime])).toEqual([
      ['市场监督管理局', 2, 1],
      ['620321-XX', 1, 0],
    ]);
  });

  it('shows no satisfaction without ratings, never a made-up number', () => {
    expect(satisfactionOf({ ratings: 0, satisfiedRatings: 0 })).toBeUndefined();
    expect(percentText(undefined, '暂无评价数据')).toBe('暂无评价数据');
    expect(percentText(satisfactionOf({ ratings: 8, satisfiedRatings: 7 }))).toBe('87.5%');
    expect(percentValue(undefined)).toBeNull();
    expect(percentValue(2 / 3)).toBe(66.7);
  });
});
