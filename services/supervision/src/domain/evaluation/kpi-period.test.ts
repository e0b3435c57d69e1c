import { parsePeriodKey, periodName, periodRange } from './kpi-period';

describe('periodRange of a scoring period', () => {
  it('spans a quarter, a month (leap February) and a year', () => {
    expect(periodRange({ kind: 'quarter', key: '2026-Q4' })).toEqual({ firstDay: '2026-10-01', lastDay: '2026-12-31' });
    expect(periodRange({ kind: 'quarter', key: '2026-Q1' })).toEqual({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(periodRange({ kind: 'month', key: '2028-02' })).toEqual({ firstDay: '2028-02-01', lastDay: '2028-02-29' });
    expect(periodRange({ kind: 'year', key: '2026' })).toEqual({ firstDay: '2026-01-01', lastDay: '2026-12-31' });
  });

  it('refuses a malformed key or a key of another kind', () => {
    expect(periodRange({ kind: 'quarter', key: '2026-Q5' })).toBeUndefined();
    expect(periodRange({ kind: 'month', key: '2026-Q4' })).toBeUndefined();
  });

  it('names the period in Chinese', () => {
    expect(periodName({ kind: 'quarter', key: '2026-Q4' })).toBe('2026年第4季度');
    expect(periodName({ kind: 'month', key: '2026-02' })).toBe('2026年2月');
    expect(periodName({ kind: 'year', key: '2026' })).toBe('2026年度');
  });
});

describe('parsePeriodKey', () => {
  it('tells the kind from the key', () => {
    expect(parsePeriodKey('2026-Q4')).toEqual({ kind: 'quarter', key: '2026-Q4' });
    expect(parsePeriodKey('2026-12')).toEqual({ kind: 'month', key: '2026-12' });
    expect(parsePeriodKey('2026')).toEqual({ kind: 'year', key: '2026' });
    expect(parsePeriodKey('2026-13')).toBeUndefined();
    expect(parsePeriodKey('2026-12-04')).toBeUndefined();
  });
});
