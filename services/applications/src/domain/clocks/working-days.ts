import type { WorkingCalendar } from '@govhall/calendar';
import type { Deadline } from '../case';

/*
 * The case's date arithmetic in one place (issue 10, item 7). @govhall/calendar's computeDeadline (with pauses)
 * arrives from another branch; until then these few functions use the calendar's working-day counts, and only
 * this file changes when it lands. Dates are YYYY-MM-DD of the tenant's calendar; unpublished years are counted
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

/**
 * Working days a suspension held the clock: those in (startedDate, resumedDate] — the day the case was suspended
 * still counts (work was done on it), the day it resumes does not (the clock starts again after it), as the day of
 * receipt is not counted when a limit starts.
 */
export function suspendedWorkingDays(calendar: WorkingCalendar, startedDate: string, resumedDate: string): number {
  if (resumedDate <= startedDate) return 0;
  return calendar.workingDaysBetweenProvisional(startedDate, resumedDate).days;
}

/**
 * The deadline moved later by `days` working days (a suspension's days or an approved extension), with how it was
 * reached: the due date is the old one plus those working days, which is exactly the deadline recounted with the
 * held days left out (they all lie before the old due date).
 */
export function moveDeadline(
  calendar: WorkingCalendar,
  deadline: Deadline,
  days: number,
  cause: 'suspension' | 'extension',
): Deadline {
  if (days <= 0 || !deadline.dueDate) return deadline;
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
export function moveDate(calendar: WorkingCalendar, date: string, days: number): string {
  return date && days > 0 ? addWorkingDays(calendar, date, days).date : date;
}
