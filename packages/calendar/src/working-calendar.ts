import { CalendarInputError, CalendarNotPublishedError } from './errors';
import { checkWorkingDays, fromDayNumber, isWeekend, nextDay, toDayNumber } from './iso-date';
import { official } from './official-arrangements';
import { statutoryHolidays } from './statutory-holidays';
import type { CalendarOverride, DayDescription, Provisional, WorkingCalendar, WorkingCalendarOptions } from './types';
import { summarizeYear } from './year-summary';

const published = new Set(official.years);

/**
 * The unpublished years a provisional question has met so far. The strict questions pass none, and a day of an
 * unpublished year then throws CalendarNotPublishedError.
 */
type UnpublishedSeen = Set<number> | undefined;

function indexOverrides(overrides: CalendarOverride[]): ReadonlyMap<string, CalendarOverride> {
  const byDate = new Map<string, CalendarOverride>();
  overrides.forEach((o, i) => {
    const field = `overrides[${i}]`;
    toDayNumber(o?.date, `${field}.date`);
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      throw new CalendarInputError(
        `${field}.kind 无效：${JSON.stringify(o.kind)}，应为 holiday（放假）或 workday（上班）`,
      );
    }
    if (typeof o.reason !== 'string' || o.reason.trim() === '') {
      throw new CalendarInputError(`${field}.reason 不能为空，请写明本地放假或上班的原因`);
    }
    if (byDate.has(o.date)) throw new CalendarInputError(`${field}.date ${o.date} 重复：同一日期只能有一条本地调整`);
    byDate.set(o.date, { date: o.date, kind: o.kind, reason: o.reason.trim() });
  });
  return byDate;
}

function describeDay(
  date: string,
  dayNumber: number,
  override: CalendarOverride | undefined,
  unpublished: UnpublishedSeen,
): DayDescription {
  const year = Number(date.slice(0, 4));
  const isPublished = published.has(year);
  if (!isPublished) {
    if (!unpublished) throw new CalendarNotPublishedError(year);
    unpublished.add(year);
  }
  if (override?.kind === 'holiday') return { date, working: false, kind: 'local-holiday', name: override.reason };
  if (override?.kind === 'workday') return { date, working: true, kind: 'local-workday', name: override.reason };
  // An unpublished year keeps the statutory holidays the 办法 itself fixes and is otherwise counted Monday to
  // Friday, even where the data lists a day of it (a notice's 元旦 days can spill into the previous December):
  // only a whole notice is taken as known, and its make-up working days are not guessed.
  const day = isPublished ? official.days.get(date) : undefined;
  if (day) return { date, working: day.kind === 'makeup-workday', kind: day.kind, name: day.name };
  const statutory = isPublished ? undefined : statutoryHolidays(year).get(date);
  if (statutory) return { date, working: false, kind: 'holiday', name: statutory };
  return isWeekend(dayNumber) ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CalendarInputError(`年份无效：${String(year)}，应为 1 至 9999 之间的整数，如 2026`);
  }
}

function flagged(unpublished: Set<number>): Provisional {
  const years = [...unpublished].sort((a, b) => a - b);
  return { provisional: years.length > 0, unpublishedYears: years };
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const overrides = indexOverrides(options.overrides ?? []);
  const dayAt = (dayNumber: number, unpublished: UnpublishedSeen): DayDescription => {
    const date = fromDayNumber(dayNumber);
    return describeDay(date, dayNumber, overrides.get(date), unpublished);
  };
  const workingOn = (dayNumber: number, unpublished: UnpublishedSeen) => dayAt(dayNumber, unpublished).working;

  const add = (start: string, n: number, unpublished: UnpublishedSeen): string => {
    let day = toDayNumber(start, 'start');
    checkWorkingDays(n);
    if (n === 0) {
      while (!workingOn(day, unpublished)) day = nextDay(day);
      return fromDayNumber(day);
    }
    // Ends: every year has working days, and a strict walk throws at the first unpublished year.
    for (let left = n; left > 0;) {
      day = nextDay(day);
      if (workingOn(day, unpublished)) left -= 1;
    }
    return fromDayNumber(day);
  };
  const between = (from: string, to: string, unpublished: UnpublishedSeen): number => {
    const first = toDayNumber(from, 'from');
    const last = toDayNumber(to, 'to');
    let count = 0;
    for (let day = first + 1; day <= last; day += 1) if (workingOn(day, unpublished)) count += 1;
    return count;
  };
  const describe = (date: string, unpublished: UnpublishedSeen): DayDescription =>
    describeDay(date, toDayNumber(date), overrides.get(date), unpublished);

  return {
    describe: (date) => describe(date, undefined),
    isWorkingDay: (date) => describe(date, undefined).working,
    addWorkingDays: (start, n) => add(start, n, undefined),
    workingDaysBetween: (from, to) => between(from, to, undefined),
    addWorkingDaysProvisional(start, n) {
      const unpublished = new Set<number>();
      const date = add(start, n, unpublished);
      return { date, ...flagged(unpublished) };
    },
    workingDaysBetweenProvisional(from, to) {
      const unpublished = new Set<number>();
      const days = between(from, to, unpublished);
      return { days, ...flagged(unpublished) };
    },
    describeProvisional(date) {
      const unpublished = new Set<number>();
      return { ...describe(date, unpublished), provisional: unpublished.size > 0 };
    },
    yearSummary(year) {
      checkYear(year);
      const first = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
      const last = toDayNumber(`${String(year).padStart(4, '0')}-12-31`);
      const days: DayDescription[] = [];
      for (let day = first; day <= last; day += 1) days.push(dayAt(day, new Set()));
      return summarizeYear({
        year,
        published: published.has(year),
        days,
        overrides: [...overrides.values()].filter((o) => Number(o.date.slice(0, 4)) === year),
        dataSource: official.dataSource,
        publishedYears: official.years,
      });
    },
    yearStatus(year) {
      if (!Number.isInteger(year)) throw new CalendarInputError(`年份无效：${String(year)}，应为整数，如 2026`);
      return published.has(year) ? 'published' : 'not-published';
    },
    publishedYears: () => [...official.years],
  };
}
