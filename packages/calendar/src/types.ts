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

/**
 * A stretch of days during which a clock stands still (law §45 special procedures; decision 3: waiting for the
 * applicant's supplement, payment or paper originals).
 */
export interface Pause {
  /** YYYY-MM-DD, the first day that does not count (inclusive). */
  from: string;
  /** YYYY-MM-DD, the day the clock runs again (exclusive: it counts if it is a working day). Absent while paused. */
  to?: string;
  /** Why, for people, e.g. 特别程序：专家评审 or 等待申请人补正材料; default 暂停计时. */
  reason?: string;
}

export interface DeadlineInput {
  /** YYYY-MM-DD the count starts after (the day of receipt or acceptance is not counted). */
  startDate: string;
  limitWorkingDays: number;
  /** Working days added by an approved extension (decision 2); default 0. */
  extensionWorkingDays?: number;
  pauses?: readonly Pause[];
}

/** A day between the start and the due date that did not count, and why (周末, 春节, 春节（调休）, 暂停计时 …). */
export interface SkippedDay {
  date: string;
  reason: string;
}

/**
 * A deadline and how it was reached. The fields are those of govhall.applications.v1.Deadline, one to one
 * (due_date, start_date, limit_working_days, extension_working_days, suspended_working_days, provisional, skipped,
 * explanation).
 */
export interface Deadline {
  /** YYYY-MM-DD, the last day on time; '' while an open pause holds the clock still (it is not known yet). */
  dueDate: string;
  startDate: string;
  limitWorkingDays: number;
  extensionWorkingDays: number;
  /** Working days in (startDate, dueDate] that fell in a pause: the due date moved by exactly this many. */
  suspendedWorkingDays: number;
  /** True when a day the answer depends on belongs to a year whose arrangement is not published. */
  provisional: boolean;
  /** Every day in (startDate, dueDate] that did not count, by date (up to the open pause's start when open). */
  skipped: SkippedDay[];
  /** One or two sentences in Chinese: 自2026年2月12日次日起算5个工作日，跳过春节假期2月15日至23日，…至2026年2月26日。 */
  explanation: string;
}

/** A workflow step's planned due date (CaseStep.due_date): steps run one after the other from the start. */
export interface StepDueDate {
  /** The day the step is planned to start after: the case's start, then the previous step's due date. */
  startDate: string;
  budgetWorkingDays: number;
  /** '' when an open pause holds the clock still before the step's budget is used up. */
  dueDate: string;
  provisional: boolean;
}

/** When a service hall stops taking cases for the day. */
export interface HallHours {
  /** HH:MM in China time (e.g. 17:00, or 19:00 with extended hours, A34); from this minute on it is the next day. */
  closesAt: string;
}
