import { dateTime } from './format';

describe('timestamps', () => {
  it('are shown in Beijing time, whatever the browser’s zone', () => {
    expect(dateTime('2026-03-20T06:05:00Z')).toBe('2026-03-20 14:05');
    expect(dateTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(dateTime(undefined)).toBe('—');
    expect(dateTime('not a date')).toBe('not a date');
  });
});
