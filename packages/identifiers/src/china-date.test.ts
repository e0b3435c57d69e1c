import { chinaDate } from './china-date';

describe('chinaDate', () => {
  it('is the calendar date in Beijing, eight hours ahead of UTC', () => {
    expect(chinaDate(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(chinaDate(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
    expect(chinaDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
