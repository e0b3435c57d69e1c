import { periodViolations } from './report-period';

describe('a report period', () => {
  it('takes real days, to not before from, at most maxDays days', () => {
    expect(periodViolations('2026-01-01', '2026-12-31')).toEqual([]);
    expect(periodViolations('2024-01-01', '2024-12-31')).toEqual([]); // 366 days
    expect(periodViolations('2026-12-07', '2026-12-07')).toEqual([]);
    expect(periodViolations('2026-02-30', '2026-13-01').map((v) => [v.path, v.reason])).toEqual([
      ['from', 'INVALID'],
      ['to', 'INVALID'],
    ]);
    expect(periodViolations('2026-12-08', '2026-12-07').map((v) => v.reason)).toEqual(['BEFORE_FROM']);
    expect(periodViolations('2025-01-01', '2026-01-02')).toEqual([
      { path: 'to', reason: 'RANGE', message: '统计期间最长为366天' },
    ]);
    expect(periodViolations('2026-01-01', '2026-02-01', 31).map((v) => v.reason)).toEqual(['RANGE']);
  });
});
