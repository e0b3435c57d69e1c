import { chinaToday, fromDayNumber, isRealDate, isWeekend, toDayNumber } from './iso-date';

describe('isRealDate', () => {
  it('accepts real YYYY-MM-DD days, leap days included', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2000-02-29')).toBe(true);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-1',
    '2026/01/01',
  ])('rejects %j', (s) => expect(isRealDate(s)).toBe(false));

  it('rejects anything but the bare date', () => {
    expect(isRealDate('2026-01-01T00:00:00+08:00')).toBe(false);
    expect(isRealDate('2026-01-01\n')).toBe(false);
    expect(isRealDate(20260101 as unknown as string)).toBe(false);
  });
});

describe('day numbers', () => {
  it('round-trip and agree with the Gregorian calendar', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2026-02-17')).toBe(Date.UTC(2026, 1, 17) / 86_400_000);
    for (let day = toDayNumber('1999-12-25'); day < toDayNumber('2030-01-10'); day += 17) {
      expect(toDayNumber(fromDayNumber(day))).toBe(day);
      expect(fromDayNumber(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(fromDayNumber(toDayNumber('0001-01-01'))).toBe('0001-01-01');
  });

  it('know the weekend', () => {
    expect(isWeekend(toDayNumber('2026-02-14'))).toBe(true); // Saturday
    expect(isWeekend(toDayNumber('2026-02-15'))).toBe(true); // Sunday
    expect(isWeekend(toDayNumber('2026-02-16'))).toBe(false); // Monday
    expect(isWeekend(toDayNumber('1969-12-28'))).toBe(true); // Sunday, before day 0
  });
});

describe('chinaToday', () => {
  it('is the calendar date in Beijing, eight hours ahead of UTC, whatever the machine time zone', () => {
    expect(chinaToday(new Date('2026-02-16T15:59:59.999Z'))).toBe('2026-02-16');
    expect(chinaToday(new Date('2026-02-16T16:00:00Z'))).toBe('2026-02-17');
    expect(chinaToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('defaults to now and refuses an invalid Date', () => {
    expect(isRealDate(chinaToday())).toBe(true);
    expect(() => chinaToday(new Date('nonsense'))).toThrow(RangeError);
  });
});
