import { CalendarInputError, CalendarNotPublishedError } from './errors';
import { fromDayNumber, toDayNumber } from './iso-date';
import { createWorkingCalendar } from './working-calendar';

// Domain rule: "a deadline that runs into a year whose calendar is not yet published is computed and flagged":
// the statutory holidays of 《全国年节及纪念日放假办法》 are days off, every other day counts Monday to Friday (the
// notice's make-up working days are unknown). chinese-days 1.5.7 carries 2004-2026, so 2027 is the first
// unpublished year. 2027's statutory days on weekdays: 1月1日 (Fri), 2月5日 (除夕, Fri), 2月8日 (初三, Mon),
// 4月5日 (清明), 6月9日 (端午), 9月15日 (中秋), 10月1日 (Fri).
const calendar = createWorkingCalendar();

describe('provisional answers inside published years', () => {
  it('equal the strict answers and are not flagged, for every start in 2025 and 2026 (up to mid-December)', () => {
    const differences: string[] = [];
    for (let day = toDayNumber('2025-01-01'); day <= toDayNumber('2026-12-10'); day += 1) {
      const start = fromDayNumber(day);
      const end = fromDayNumber(day + 15);
      for (const n of [0, 1, 5]) {
        const provisional = calendar.addWorkingDaysProvisional(start, n);
        const expected = { date: calendar.addWorkingDays(start, n), provisional: false, unpublishedYears: [] };
        if (JSON.stringify(provisional) !== JSON.stringify(expected)) differences.push(`${start} +${n}`);
      }
      const count = calendar.workingDaysBetweenProvisional(start, end);
      if (count.days !== calendar.workingDaysBetween(start, end) || count.provisional) differences.push(start);
    }
    expect(differences).toEqual([]);
  });

  it('a deadline that ends on the last day of 2026 is not flagged, one more day is', () => {
    // 12月30日 (Wed) +1 = 12月31日 (Thu): nothing of 2027 was needed.
    expect(calendar.addWorkingDaysProvisional('2026-12-30', 1)).toEqual({
      date: '2026-12-31',
      provisional: false,
      unpublishedYears: [],
    });
    // 2027-01-01 (Friday) is 元旦 by the 办法 itself, so the next working day is Monday 1月4日.
    expect(calendar.addWorkingDaysProvisional('2026-12-30', 2)).toEqual({
      date: '2027-01-04',
      provisional: true,
      unpublishedYears: [2027],
    });
  });
});

describe('provisional answers reaching an unpublished year', () => {
  it('count 2027 Monday to Friday less its statutory holidays, flag it, and leave the strict question refusing', () => {
    // From Sunday 2026-12-20: 12月21-25日 and 28-31日 are 9 working days under the 2026 notice; then 2027: 1月1日 is
    // 元旦, 4-8日 (14), 11-15日 (19), 18-22日 (24), 25-29日 (29), Monday 2月1日 (30).
    expect(calendar.addWorkingDaysProvisional('2026-12-20', 30)).toEqual({
      date: '2027-02-01',
      provisional: true,
      unpublishedYears: [2027],
    });
    expect(() => calendar.addWorkingDays('2026-12-20', 30)).toThrow(CalendarNotPublishedError);
    expect(calendar.workingDaysBetweenProvisional('2026-12-20', '2027-02-01')).toEqual({
      days: 30,
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('a whole unpublished year has its 261 weekdays less the 7 statutory holidays that fall on weekdays', () => {
    expect(calendar.workingDaysBetweenProvisional('2026-12-31', '2027-12-31')).toEqual({
      days: 261 - 7,
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('names every unpublished year the span needed, ascending', () => {
    const answer = calendar.workingDaysBetweenProvisional('2026-06-01', '2029-01-02');
    expect(answer.unpublishedYears).toEqual([2027, 2028, 2029]);
    expect(calendar.addWorkingDaysProvisional('2003-06-02', 1)).toEqual({
      date: '2003-06-03',
      provisional: true,
      unpublishedYears: [2003],
    });
  });

  it('an empty span needs no day and is not flagged', () => {
    expect(calendar.workingDaysBetweenProvisional('2027-03-01', '2027-03-01')).toEqual({
      days: 0,
      provisional: false,
      unpublishedYears: [],
    });
    expect(calendar.workingDaysBetweenProvisional('2027-03-10', '2027-03-01').days).toBe(0);
  });

  it('applies the tenant overrides in an unpublished year', () => {
    const local = createWorkingCalendar({
      overrides: [
        { date: '2027-01-04', kind: 'holiday', reason: '本地民族传统节日' }, // Monday
        { date: '2027-01-09', kind: 'workday', reason: '本地调休上班' }, // Saturday
      ],
    });
    expect(calendar.addWorkingDaysProvisional('2027-01-01', 1).date).toBe('2027-01-04');
    expect(local.addWorkingDaysProvisional('2027-01-01', 1)).toEqual({
      date: '2027-01-05',
      provisional: true,
      unpublishedYears: [2027],
    });
    // Week of 1月4日: Monday off, Saturday worked, so the count is unchanged; n = 0 from the Monday moves on.
    expect(local.workingDaysBetweenProvisional('2027-01-03', '2027-01-10').days).toBe(5);
    expect(local.addWorkingDaysProvisional('2027-01-04', 0).date).toBe('2027-01-05');
    expect(local.describeProvisional('2027-01-09')).toEqual({
      date: '2027-01-09',
      working: true,
      kind: 'local-workday',
      name: '本地调休上班',
      provisional: true,
    });
  });
});

describe('describeProvisional', () => {
  it('describes a published day as describe does, and an unpublished one as a statutory holiday, weekday or weekend', () => {
    expect(calendar.describeProvisional('2026-02-17')).toEqual({
      ...calendar.describe('2026-02-17'),
      provisional: false,
    });
    expect(calendar.describeProvisional('2027-02-08')).toEqual({
      date: '2027-02-08',
      working: false,
      kind: 'holiday',
      name: '春节',
      provisional: true,
    });
    expect(calendar.describeProvisional('2027-02-09')).toEqual({
      date: '2027-02-09',
      working: true,
      kind: 'workday',
      provisional: true,
    });
    expect(calendar.describeProvisional('2027-02-13')).toMatchObject({ working: false, kind: 'weekend' });
  });
});

describe('bad input to the provisional questions', () => {
  it('is refused as in the strict ones', () => {
    expect(() => calendar.addWorkingDaysProvisional('2027-02-29', 1)).toThrow('start 日期无效');
    expect(() => calendar.addWorkingDaysProvisional('2027-03-01', -1)).toThrow(CalendarInputError);
    expect(() => calendar.workingDaysBetweenProvisional('2027-03-01', '2027/03/05')).toThrow('to 日期无效');
    expect(() => calendar.describeProvisional('')).toThrow(CalendarInputError);
  });

  it('refuses a walk past 9999-12-31 instead of running on', () => {
    expect(() => calendar.addWorkingDaysProvisional('9999-12-29', 5)).toThrow('超出 9999-12-31');
  });
});
