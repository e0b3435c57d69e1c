import { chinaToday, yearGrid } from './calendar-grid';

describe('yearGrid', () => {
  const grid = yearGrid({
    year: 2026,
    specialDays: [
      { date: '2026-02-17', working: false, kind: 'holiday', name: '春节' },
      { date: '2026-02-14', working: true, kind: 'makeup_workday', name: '春节' },
      { date: '2026-12-10', working: false, kind: 'local_holiday', name: '本地民族传统节日' },
    ],
  });

  it('has twelve months of Monday-first weeks with every day once', () => {
    expect(grid).toHaveLength(12);
    const days = grid.flatMap((m) => m.weeks.flat()).filter((d) => d !== null);
    expect(days).toHaveLength(365);
    for (const m of grid) for (const w of m.weeks) expect(w).toHaveLength(7);
    // 2026-01-01 is a Thursday: three empty cells before it.
    expect(grid[0]!.weeks[0]!.slice(0, 4).map((d) => d?.day ?? null)).toEqual([null, null, null, 1]);
  });

  it('takes the special days from the API and counts the rest as weekdays and weekends', () => {
    const day = (date: string) => grid.flatMap((m) => m.weeks.flat()).find((d) => d?.date === date);
    expect(day('2026-02-17')).toMatchObject({ kind: 'holiday', working: false, name: '春节' });
    expect(day('2026-02-14')).toMatchObject({ kind: 'makeup_workday', working: true });
    expect(day('2026-12-10')).toMatchObject({ kind: 'local_holiday', name: '本地民族传统节日' });
    expect(day('2026-12-05')).toMatchObject({ kind: 'weekend', working: false });
    expect(day('2026-12-07')).toMatchObject({ kind: 'workday', working: true });
  });
});

describe('chinaToday', () => {
  it('is the date in Beijing, not in UTC', () => {
    expect(chinaToday(new Date('2026-12-03T17:30:00Z'))).toBe('2026-12-04');
    expect(chinaToday(new Date('2026-12-03T15:30:00Z'))).toBe('2026-12-03');
  });
});
