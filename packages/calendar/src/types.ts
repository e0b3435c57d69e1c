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

/**
 * How far an answer can be trusted. A provisional answer depends on days of a year whose official arrangement is
 * not published (domain rule: "computed Mon-Fri and flagged"): those days were counted Monday to Friday, the
 * tenant's overrides still applied, and the answer may change when the State Council's notice comes out.
 */
export interface Provisional {
  provisional: boolean;
  /** The unpublished years the answer depends on, ascending; empty when it is not provisional. */
  unpublishedYears: number[];
}

export interface ProvisionalDate extends Provisional {
  date: string;
}

export interface ProvisionalCount extends Provisional {
  days: number;
}

export interface ProvisionalDayDescription extends DayDescription {
  /** True when the day's year is not published: the day is described as Monday to Friday (or its override). */
  provisional: boolean;
}

/** One year of a tenant's calendar, as GetCalendar shows it. */
export interface YearSummary {
  year: number;
  /** False: the year's official arrangement is not in the data, and the totals are counted Monday to Friday. */
  published: boolean;
  /** Official holidays, make-up working days and the tenant's overrides of the year, by date. */
  specialDays: DayDescription[];
  /** Working days in the year (provisional, Monday to Friday plus overrides, when the year is not published). */
  workingDays: number;
  /** The tenant's overrides of the year, by date. */
  overrides: CalendarOverride[];
  /** Where the official days come from, for people, e.g. 国务院办公厅关于2026年部分节假日安排的通知（chinese-days 1.5.7）. */
  source: string;
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
  /**
   * As addWorkingDays, but days of unpublished years are counted Monday to Friday (overrides still apply) instead
   * of throwing, and the answer says which of those years it depends on.
   */
  addWorkingDaysProvisional(start: string, n: number): ProvisionalDate;
  /** As workingDaysBetween, with unpublished years counted Monday to Friday and flagged. */
  workingDaysBetweenProvisional(from: string, to: string): ProvisionalCount;
  /** As describe, with a day of an unpublished year described as a weekday or weekend (or its override). */
  describeProvisional(date: string): ProvisionalDayDescription;
  /** The year's special days and working-day total; never throws for an unpublished year (see YearSummary). */
  yearSummary(year: number): YearSummary;
  yearStatus(year: number): 'published' | 'not-published';
  /** Years with an official arrangement, ascending. */
  publishedYears(): number[];
  describe(date: string): DayDescription;
}

export interface WorkingCalendarOptions {
  /** Local changes; they win over the national arrangement. At most one per date. */
  overrides?: CalendarOverride[];
}
