import { computeDeadline, type WorkingCalendar } from '@govhall/calendar';
import type { Deadline } from '../case';
import type { TimeLimit } from '../edition';

/** Law §42: a decision within 20 working days of acceptance; 45 for joint or centralised handling. */
export const STATUTORY_WORKING_DAYS = 20;
export const STATUTORY_JOINT_WORKING_DAYS = 45;
/** Law §32: a one-time notice of an online case within 5 working days of receipt. */
export const NOTICE_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;

function addNaturalDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A deadline and how it was reached: `limit` counted from the day after `startDate` (受理之日不计入) on the tenant's
 * calendar — working days skipping weekends and holidays (each skipped day listed with its reason), or natural
 * days for the few items whose limit is in 自然日. A day of a year whose arrangement is not yet published makes the
 * answer provisional (counted Monday to Friday).
 *
 * Working days are @govhall/calendar's computeDeadline (the same count the pauses and extensions use).
 */
export function computeCaseDeadline(
  calendar: WorkingCalendar,
  startDate: string,
  limit: TimeLimit,
  what: string,
): Deadline {
  if (limit.unit === 'natural_day') {
    const dueDate = addNaturalDays(startDate, limit.days);
    return {
      dueDate,
      startDate,
      limitWorkingDays: 0,
      extensionWorkingDays: 0,
      suspendedWorkingDays: 0,
      provisional: false,
      skipped: [],
      explanation: `${what}：自${chineseDate(startDate)}次日起算${limit.days}个自然日，至${chineseDate(dueDate)}。`,
    };
  }
  const deadline = computeDeadline(calendar, { startDate, limitWorkingDays: limit.days });
  return { ...deadline, explanation: `${what}：${deadline.explanation}` };
}

/** The last day of a one-time notice: `workingDays` after receipt (0 = the day of receipt, or the next working day). */
export function noticeDueDate(calendar: WorkingCalendar, receivedDate: string, workingDays: number): string {
  return calendar.addWorkingDaysProvisional(receivedDate, workingDays).date;
}
