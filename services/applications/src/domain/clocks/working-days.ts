import type { WorkingCalendar } from '@govhall/calendar';
import type { Deadline } from '../case';

/*
 * The handling acts' date arithmetic in one place (issue 10, item 7), on the tenant's WorkingCalendar. A pause
 * follows ADR 0022 ([from, to), only its working days count), so moving a due date by the pause's working days is
 * what @govhall/calendar's computeDeadline gives when it recounts the deadline with the pause left out (the pause
 * lies before the due date while the case is being handled). Dates are YYYY-MM-DD of the tenant's calendar; unpublished years are counted
 * Monday to Friday and flagged provisional, as the domain rule says.
 */

/** The n-th working day after `start` (start not counted). */
export function addWorkingDays(
  calendar: WorkingCalendar,
  start: string,
  n: number,
): { date: string; provisional: boolean } {
  const { date, provisional } = calendar.addWorkingDaysProvisional(start, n);
  return { date, provisional };
}

/** The calendar day before `date` (YYYY-MM-DD). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Working days a suspension held the clock: those in [startedDate, resumedDate) — a pause is half-open as ADR 0022
 * has it: the day the case is suspended does not count, the day it resumes counts again.
 */
export function suspendedWorkingDays(calendar: WorkingCalendar, startedDate: string, resumedDate: string): number {
  if (resumedDate <= startedDate) return 0;
  return calendar.workingDaysBetweenProvisional(dayBefore(startedDate), dayBefore(resumedDate)).days;
}

/**
 * The deadline moved later by `days` working days (a suspension's days or an approved extension), with how it was
 * reached: the due date is the old one plus those working days, which is exactly the deadline recounted with the
 * held days left out when the pause started on or before the old due date (`pausedFrom`; after it, nothing moves).
 */
export function moveDeadline(
  calendar: WorkingCalendar,
  deadline: Deadline,
  days: number,
  cause: 'suspension' | 'extension',
  pausedFrom?: string,
): Deadline {
  if (days <= 0 || !deadline.dueDate) return deadline;
  // ADR 0022: a pause that starts after the due date does not move it (an overdue case stays overdue).
  if (pausedFrom && pausedFrom > deadline.dueDate) return deadline;
  const moved = addWorkingDays(calendar, deadline.dueDate, days);
  const why = cause === 'suspension' ? `特别程序中止计时${days}个工作日` : `经批准延长${days}个工作日`;
  return {
    ...deadline,
    dueDate: moved.date,
    provisional: deadline.provisional || moved.provisional,
    suspendedWorkingDays: deadline.suspendedWorkingDays + (cause === 'suspension' ? days : 0),
    extensionWorkingDays: deadline.extensionWorkingDays + (cause === 'extension' ? days : 0),
    explanation: `${deadline.explanation ? `${deadline.explanation}；` : ''}${why}，截止日期由${deadline.dueDate}顺延至${moved.date}`,
  };
}

/** A step's due date: its budget in working days counted after the day it starts. */
export function stepDueDate(calendar: WorkingCalendar, startDate: string, budgetWorkingDays: number): string {
  return addWorkingDays(calendar, startDate, Math.max(budgetWorkingDays, 0)).date;
}

/** A plain due date (a step's) moved later by `days` working days; '' stays ''. */
export function moveDate(calendar: WorkingCalendar, date: string, days: number, pausedFrom?: string): string {
  if (pausedFrom && pausedFrom > date) return date;
  return date && days > 0 ? addWorkingDays(calendar, date, days).date : date;
}
