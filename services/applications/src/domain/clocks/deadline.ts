import { computeDeadline, stepDueDates, workingDaysLeft, type Pause, type WorkingCalendar } from '@govhall/calendar';
import type { Case, Clocks, Deadline, PaymentWait, Suspension } from '../case';
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

/**
 * The last day of a one-time notice: `workingDays` after receipt (0 = the day of receipt, or the next working day),
 * counted as every deadline is (computeDeadline).
 */
export function noticeDueDate(calendar: WorkingCalendar, receivedDate: string, workingDays: number): string {
  return computeDeadline(calendar, { startDate: receivedDate, limitWorkingDays: workingDays }).dueDate;
}

/** The case's §45 suspensions as the calendar's pauses: [started, ended), the running one without an end. */
export function pausesOf(suspensions: readonly Suspension[]): Pause[] {
  return suspensions.map((s) => ({
    from: s.startedDate,
    ...(s.endedDate ? { to: s.endedDate } : {}),
    reason: `特别程序：${s.procedure}`,
  }));
}

/** The case's closed waits for payment as the calendar's pauses: [from, to) (decision 3: the promised clock only). */
export function paymentPausesOf(waits: readonly PaymentWait[]): Pause[] {
  return waits.filter((w) => w.to !== '').map((w) => ({ from: w.from, to: w.to, reason: '等待申请人缴纳费用' }));
}

/**
 * A deadline counted again from its start and limit with the case's pauses and approved extension days left out
 * (computeDeadline, ADR 0022): a pause moves it by exactly its working days before the due date, one that started
 * after the due date moves nothing, and the explanation names what was skipped. `what` heads the explanation as at
 * acceptance (承诺办结时限, 法定办理时限). A limit in natural days (limitWorkingDays 0 with a due date after its
 * start, computeCaseDeadline) has no working-day count to redo: it keeps its date and is moved by the working days
 * the pauses and extension add.
 */
export function recountDeadline(
  calendar: WorkingCalendar,
  deadline: Deadline,
  what: string,
  input: { suspensions: readonly Suspension[]; extensionWorkingDays: number; paymentWaits?: readonly PaymentWait[] },
): Deadline {
  const pauses = [...pausesOf(input.suspensions), ...paymentPausesOf(input.paymentWaits ?? [])].sort((a, b) =>
    a.from.localeCompare(b.from),
  );
  if (deadline.limitWorkingDays === 0 && deadline.dueDate > deadline.startDate) {
    return naturalDayDeadlineMoved(calendar, deadline, pauses, input.extensionWorkingDays);
  }
  const recounted = computeDeadline(calendar, {
    startDate: deadline.startDate,
    limitWorkingDays: deadline.limitWorkingDays,
    extensionWorkingDays: input.extensionWorkingDays,
    pauses,
  });
  return { ...recounted, explanation: `${what}：${recounted.explanation}` };
}

/** The working days of the case's approved extension (decision 2); 0 without one. */
export function approvedExtensionDays(c: Pick<Case, 'extension'>): number {
  return c.extension?.state === 'approved' ? c.extension.workingDays : 0;
}

/**
 * The case's promised and statutory deadlines, recounted with its suspensions and extension (recountDeadline). The
 * waits for payment (decision 3, A12) pause the promised clock only: it runs until the result is issued, while the
 * statutory one (§42) stopped at the decision.
 */
export function recountedClocks(
  calendar: WorkingCalendar,
  clocks: Clocks,
  input: { suspensions: readonly Suspension[]; extensionWorkingDays: number; paymentWaits?: readonly PaymentWait[] },
): Clocks {
  const statutoryInput = { suspensions: input.suspensions, extensionWorkingDays: input.extensionWorkingDays };
  return {
    ...clocks,
    ...(clocks.promised ? { promised: recountDeadline(calendar, clocks.promised, '承诺办结时限', input) } : {}),
    ...(clocks.statutory
      ? { statutory: recountDeadline(calendar, clocks.statutory, '法定办理时限', statutoryInput) }
      : {}),
  };
}

/** A natural-day deadline moved later by the working days its closed pauses held before it, and the extension. */
function naturalDayDeadlineMoved(
  calendar: WorkingCalendar,
  deadline: Deadline,
  pauses: Pause[],
  extensionWorkingDays: number,
): Deadline {
  const held = pauses
    .filter((p) => p.to !== undefined && p.from <= deadline.dueDate)
    .reduce((sum, p) => sum + heldWorkingDays(calendar, p.from, p.to!), 0);
  const added = held - deadline.suspendedWorkingDays + (extensionWorkingDays - deadline.extensionWorkingDays);
  if (added <= 0) return deadline;
  const moved = computeDeadline(calendar, { startDate: deadline.dueDate, limitWorkingDays: added });
  return {
    ...deadline,
    dueDate: moved.dueDate,
    provisional: deadline.provisional || moved.provisional,
    suspendedWorkingDays: held,
    extensionWorkingDays,
    explanation: `${deadline.explanation}中止及延长共${added}个工作日，截止日期由${deadline.dueDate}顺延至${moved.dueDate}。`,
  };
}

/** Working days a pause [from, to) held the clock (ADR 0022: the day it stops does not count, the day it resumes does). */
export function heldWorkingDays(calendar: WorkingCalendar, from: string, to: string): number {
  // The counted days in (from − 1, to − 1], i.e. [from, to).
  return to <= from ? 0 : workingDaysLeft(calendar, dayBefore(from), dayBefore(to));
}

/**
 * The due date of a step running from `startDate` with its budget in working days, counted as deadlines are
 * (stepDueDates: one step here; a workflow planned at acceptance passes all its budgets at once).
 */
export function stepDueDate(calendar: WorkingCalendar, startDate: string, budgetWorkingDays: number): string {
  return stepDueDates(calendar, startDate, [Math.max(budgetWorkingDays, 0)])[0]!.dueDate;
}

/**
 * The active step's due date after a pause [from, to): the working days it still had when the pause began are
 * counted again from then with the pause left out, so it moves by exactly the pause's working days; a pause that
 * began after the due date moves nothing (ADR 0022).
 */
export function stepDueAfterPause(
  calendar: WorkingCalendar,
  dueDate: string,
  pause: { from: string; to: string },
): string {
  if (!dueDate || pause.from > dueDate) return dueDate;
  const asOf = dayBefore(pause.from);
  const left = workingDaysLeft(calendar, asOf, dueDate);
  return computeDeadline(calendar, { startDate: asOf, limitWorkingDays: left, pauses: [pause] }).dueDate;
}

/** The calendar day before `date` (YYYY-MM-DD). */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
