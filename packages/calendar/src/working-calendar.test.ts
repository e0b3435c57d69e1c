import { CalendarInputError, CalendarNotPublishedError } from './errors';
import { fromDayNumber, toDayNumber } from './iso-date';
import type { CalendarOverride } from './types';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('years without an official arrangement', () => {
  it('refuses to answer for 2030 instead of guessing Mon-Fri', () => {
    expect(calendar.yearStatus(2030)).toBe('not-published');
    const error = thrown(() => calendar.isWorkingDay('2030-01-02'));
    expect(error).toBeInstanceOf(CalendarNotPublishedError);
    expect(error).toMatchObject({ year: 2030, message: '2030年节假日安排尚未发布，无法计算工作日' });
    expect(() => calendar.describe('2030-06-03')).toThrow(CalendarNotPublishedError);
    expect(() => calendar.workingDaysBetween('2029-12-30', '2030-01-05')).toThrow(CalendarNotPublishedError);
  });

  it('lists the published years, ascending and without gaps, from 2004 to at least 2026', () => {
    const years = calendar.publishedYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).toEqual(years.map((_, i) => 2004 + i));
    for (const y of years) expect(calendar.yearStatus(y)).toBe('published');
    expect(calendar.yearStatus(2003)).toBe('not-published');
    years.push(1999); // a copy: the calendar's own list is not changed
    expect(calendar.publishedYears()).not.toContain(1999);
  });

  it('a deadline that runs past the last published year names the missing year', () => {
    const last = Math.max(...calendar.publishedYears());
    const error = thrown(() => calendar.addWorkingDays(`${last}-12-20`, 30));
    expect(error).toBeInstanceOf(CalendarNotPublishedError);
    expect((error as CalendarNotPublishedError).year).toBe(last + 1);
  });

  it('a tenant override does not publish a year', () => {
    const local = createWorkingCalendar({
      overrides: [{ date: '2030-03-05', kind: 'workday', reason: '本地调休上班' }],
    });
    expect(() => local.isWorkingDay('2030-03-05')).toThrow(CalendarNotPublishedError);
  });
});

describe('tenant overrides', () => {
  const overrides: CalendarOverride[] = [
    { date: '2026-03-20', kind: 'holiday', reason: '自治区民族传统节日' }, // a Friday
    { date: '2026-03-28', kind: 'workday', reason: '民族传统节日调休上班' }, // a Saturday
    { date: '2026-10-07', kind: 'workday', reason: '本地调整上班' }, // a day off under the national notice
  ];
  const local = createWorkingCalendar({ overrides });

  it('a local holiday is not a working day and deadlines skip it', () => {
    expect(local.describe('2026-03-20')).toEqual({
      date: '2026-03-20',
      working: false,
      kind: 'local-holiday',
      name: '自治区民族传统节日',
    });
    expect(calendar.addWorkingDays('2026-03-19', 1)).toBe('2026-03-20');
    expect(local.addWorkingDays('2026-03-19', 1)).toBe('2026-03-23');
  });

  it('a local make-up day is a working day, even over a national holiday', () => {
    expect(local.describe('2026-03-28')).toMatchObject({ working: true, kind: 'local-workday' });
    expect(local.describe('2026-10-07')).toEqual({
      date: '2026-10-07',
      working: true,
      kind: 'local-workday',
      name: '本地调整上班',
    });
    expect(local.addWorkingDays('2026-09-30', 1)).toBe('2026-10-07');
    // The tenant lost Friday 3月20日 and gained Saturday 3月28日: the month's total is unchanged.
    expect(local.workingDaysBetween('2026-02-28', '2026-03-31')).toBe(
      calendar.workingDaysBetween('2026-02-28', '2026-03-31'),
    );
  });

  it('belongs to the calendar it was given to', () => {
    expect(calendar.isWorkingDay('2026-03-20')).toBe(true);
    overrides.push({ date: '2026-03-23', kind: 'holiday', reason: '事后加入' });
    expect(local.isWorkingDay('2026-03-23')).toBe(true);
  });

  it('rejects a bad override when the calendar is made', () => {
    const make = (o: unknown) => () => createWorkingCalendar({ overrides: [o as CalendarOverride] });
    expect(make({ date: '2026-02-30', kind: 'holiday', reason: 'x' })).toThrow(CalendarInputError);
    expect(make({ date: '2026-03-02', kind: 'closed', reason: 'x' })).toThrow('overrides[0].kind');
    expect(make({ date: '2026-03-02', kind: 'holiday', reason: '  ' })).toThrow('overrides[0].reason');
    const twice = { date: '2026-03-02', kind: 'holiday', reason: '重复' } as const;
    expect(() => createWorkingCalendar({ overrides: [twice, { ...twice, kind: 'workday' }] })).toThrow(
      'overrides[1].date 2026-03-02 重复',
    );
  });
});

describe('invalid input', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-2-3', '20260203', ' 2026-02-03', '2026-02-03T00:00:00Z', ''])(
    'rejects %j as a date with a RangeError',
    (bad) => {
      expect(() => calendar.isWorkingDay(bad)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow(`start 日期无效：${JSON.stringify(bad)}`);
      expect(() => calendar.workingDaysBetween('2026-01-05', bad)).toThrow(CalendarInputError);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p working days', (n) => {
    expect(() => calendar.addWorkingDays('2026-03-02', n)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-02', n)).toThrow('应为不小于 0 的整数');
  });

  it('rejects a year that is not an integer', () => {
    expect(() => calendar.yearStatus(2026.5)).toThrow(CalendarInputError);
  });
});

describe('counting conventions', () => {
  it('n = 0 (same-day items) is the start day when it is a working day, else the next working day', () => {
    expect(calendar.addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(calendar.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-24');
  });

  it('workingDaysBetween is 0 when to is not after from', () => {
    expect(calendar.workingDaysBetween('2026-03-04', '2026-03-04')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-10', '2026-03-04')).toBe(0);
  });

  it('addWorkingDays and workingDaysBetween agree for every start from December 2024 to December 2026', () => {
    const mismatches: string[] = [];
    for (let day = toDayNumber('2024-12-01'); day <= toDayNumber('2026-12-01'); day += 1) {
      const start = fromDayNumber(day);
      for (const n of [0, 1, 2, 3, 5, 10, 20]) {
        const end = calendar.addWorkingDays(start, n);
        const expected = n === 0 ? (calendar.isWorkingDay(start) ? 0 : 1) : n;
        const ok =
          calendar.isWorkingDay(end) &&
          calendar.workingDaysBetween(start, end) === expected &&
          // the n-th working day, not a later one: the day before it has used one day fewer
          (n === 0 || calendar.workingDaysBetween(start, fromDayNumber(toDayNumber(end) - 1)) === n - 1);
        if (!ok) mismatches.push(`${start} +${n} → ${end}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
