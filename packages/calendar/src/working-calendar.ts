import { CalendarInputError, CalendarNotPublishedError } from './errors';
import { fromDayNumber, isWeekend, toDayNumber } from './iso-date';
import { official } from './official-arrangements';

/** A tenant's own change to the national calendar, e.g. a local ethnic holiday or a local make-up working day. */
export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  /** Why, for people: shown as the day's name, e.g. 三月三（壮族传统节日）. */
  reason: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday' | 'local-holiday' | 'local-workday';

export interface DayDescription {
  date: string;
  working: boolean;
  kind: DayKind;
  /** The festival (春节, 国庆节 …) for official days, the override's reason for local ones. */
  name?: string;
}

export interface WorkingCalendar {
  /** Throws CalendarNotPublishedError when the date's year has no official arrangement, even if overridden. */
  isWorkingDay(date: string): boolean;
  /**
   * The n-th working day after `start`, `start` itself not counted (受理之日不计入): a limit of n working days ends
   * at the end of the returned day. n = 0 (same-day items) gives `start` when it is a working day, else the next one.
   */
  addWorkingDays(start: string, n: number): string;
  /** Working days in (from, to]: how many days of a limit have been used by the end of `to`. 0 when to ≤ from. */
  workingDaysBetween(from: string, to: string): number;
  yearStatus(year: number): 'published' | 'not-published';
  /** Years with an official arrangement, ascending. */
  publishedYears(): number[];
  describe(date: string): DayDescription;
}

export interface WorkingCalendarOptions {
  /** Local changes; they win over the national arrangement. At most one per date. */
  overrides?: CalendarOverride[];
}

const published = new Set(official.years);

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

function describeDay(date: string, dayNumber: number, override: CalendarOverride | undefined): DayDescription {
  const year = Number(date.slice(0, 4));
  if (!published.has(year)) throw new CalendarNotPublishedError(year);
  if (override?.kind === 'holiday') return { date, working: false, kind: 'local-holiday', name: override.reason };
  if (override?.kind === 'workday') return { date, working: true, kind: 'local-workday', name: override.reason };
  const day = official.days.get(date);
  if (day) return { date, working: day.kind === 'makeup-workday', kind: day.kind, name: day.name };
  return isWeekend(dayNumber) ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new CalendarInputError(`工作日天数无效：${String(n)}，应为不小于 0 的整数`);
  }
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const overrides = indexOverrides(options.overrides ?? []);
  const describe = (date: string): DayDescription => describeDay(date, toDayNumber(date), overrides.get(date));
  const workingOn = (dayNumber: number): boolean => {
    const date = fromDayNumber(dayNumber);
    return describeDay(date, dayNumber, overrides.get(date)).working;
  };

  return {
    describe,
    isWorkingDay: (date) => describe(date).working,
    addWorkingDays(start, n) {
      let day = toDayNumber(start, 'start');
      checkCount(n);
      if (n === 0) {
        while (!workingOn(day)) day += 1;
        return fromDayNumber(day);
      }
      // Ends: every published year has working days, and the walk throws at the first unpublished year.
      for (let left = n; left > 0;) {
        day += 1;
        if (workingOn(day)) left -= 1;
      }
      return fromDayNumber(day);
    },
    workingDaysBetween(from, to) {
      const first = toDayNumber(from, 'from');
      const last = toDayNumber(to, 'to');
      let count = 0;
      for (let day = first + 1; day <= last; day += 1) if (workingOn(day)) count += 1;
      return count;
    },
    yearStatus(year) {
      if (!Number.isInteger(year)) throw new CalendarInputError(`年份无效：${String(year)}，应为整数，如 2026`);
      return published.has(year) ? 'published' : 'not-published';
    },
    publishedYears: () => [...official.years],
  };
}
