import { parsePeriodKey, periodName, periodRange } from './period-range';

describe('periodRange', () => {
  it('spans a quarter, a month (leap February) and a year', () => {
    expect(periodRange({ kind: 'quarter', key: '2026-Q4' })).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(periodRange({ kind: 'quarter', key: '2026-Q1' })).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(periodRange({ kind: 'month', key: '2028-02' })).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(periodRange({ kind: 'year', key: '2026' })).toEqual({ first: '2026-01-01', last: '2026-12-31' });
  });

  it('refuses a malformed key or a key of another kind', () => {
    expect(periodRange({ kind: 'quarter', key: '2026-Q5' })).toBeUndefined();
    expect(periodRange({ kind: 'month', key: '2026-Q4' })).toBeUndefined();
    expect(periodRange({ kind: 'day', key: '2026-12-04' })).toBeUndefined();
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
