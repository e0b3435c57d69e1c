import { dateTime, defaultPeriod } from './format';

describe('timestamps', () => {
  it('are shown in Beijing time, whatever the browser’s zone', () => {
    expect(dateTime('2026-03-20T06:05:00Z')).toBe('2026-03-20 14:05');
    expect(dateTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(dateTime(undefined)).toBe('—');
    expect(dateTime('not a date')).toBe('not a date');
  });

  it('a report’s period defaults to the month so far in Beijing dates', () => {
    expect(defaultPeriod(new Date('2026-12-05T10:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-05' });
    // 20:30 UTC on 30 November is already 1 December in Beijing.
    expect(defaultPeriod(new Date('2026-11-30T20:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});
