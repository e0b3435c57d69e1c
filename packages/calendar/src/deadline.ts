import { explainDeadline, type ExplainedDay, type PauseSpan } from './deadline-explanation';
import { CalendarInputError } from './errors';
import { checkWorkingDays, fromDayNumber, isWeekend, nextDay, toDayNumber } from './iso-date';
import { STATUTORY_RULES_FROM, statutoryHolidays } from './statutory-holidays';
import type { DayDescription, Deadline, DeadlineInput, Pause, StepDueDate, WorkingCalendar } from './types';

const DEFAULT_PAUSE_REASON = '暂停计时';

function toPauseSpans(pauses: readonly Pause[] | undefined, field: string): PauseSpan[] {
  if (pauses === undefined) return [];
  if (!Array.isArray(pauses)) throw new CalendarInputError(`${field} 应为数组`);
  return pauses
    .map((p: Pause, index): PauseSpan => {
      const from = toDayNumber(p?.from, `${field}[${index}].from`);
      const to = p.to === undefined ? Number.POSITIVE_INFINITY : toDayNumber(p.to, `${field}[${index}].to`);
      if (to < from) {
        throw new CalendarInputError(`${field}[${index}].to ${String(p.to)} 早于 from ${p.from}：恢复计时不能早于暂停`);
      }
      if (p.reason !== undefined && (typeof p.reason !== 'string' || p.reason.trim() === '')) {
        throw new CalendarInputError(`${field}[${index}].reason 不能为空：请写明暂停计时的原因，或不传`);
      }
      return { index, from, to, reason: p.reason?.trim() ?? DEFAULT_PAUSE_REASON, pausedWorkingDays: 0 };
    })
    .sort((a, b) => a.from - b.from || a.index - b.index);
}

/** Why a day off is not counted, in Chinese: 周末, the festival (春节; 春节（调休） for a swapped weekday), 地方节假日：… */
function dayOffReason(day: DayDescription, dayNumber: number): string {
  if (day.kind === 'weekend') return '周末';
  if (day.kind === 'local-holiday') return `地方节假日：${day.name ?? ''}`;
  const name = day.name ?? '节假日';
  const year = Number(day.date.slice(0, 4));
  // A weekday off that the 放假办法 does not itself fix was given by the notice's 调休 (or 补假) arrangement. The
  // statutory days are only known from 2025, so earlier years just name the festival.
  const swapped = year >= STATUTORY_RULES_FROM && !isWeekend(dayNumber) && !statutoryHolidays(year).has(day.date);
  return swapped ? `${name}（调休）` : name;
}

interface Walk {
  /** Undefined when an open pause stopped the clock before the budget was used up. */
  due: number | undefined;
  counted: number;
  unpublishedYears: number[];
  skipped: ExplainedDay[];
  /** Weekend or holiday days that were worked and counted (调休上班, local working days). */
  workedDaysOff: ExplainedDay[];
  spans: PauseSpan[];
  openPause: PauseSpan | undefined;
}

/**
 * Walks from the start counting the days that count: working days (unpublished years Monday to Friday less the
 * statutory holidays, flagged) outside every pause. A budget of n ≥ 1 ends on the n-th such day after `start`; a
 * budget of 0 on `start` itself if it counts, else the next day that does.
 */
function walk(calendar: WorkingCalendar, start: number, budget: number, spans: PauseSpan[]): Walk {
  const openPause = spans.filter((s) => s.to === Number.POSITIVE_INFINITY).sort((a, b) => a.from - b.from)[0];
  const unpublished = new Set<number>();
  const skipped: ExplainedDay[] = [];
  const workedDaysOff: ExplainedDay[] = [];
  const target = Math.max(budget, 1);
  let counted = 0;
  for (let day = budget === 0 ? start : nextDay(start); ; day = nextDay(day)) {
    if (openPause && day >= openPause.from) {
      return {
        due: undefined,
        counted,
        unpublishedYears: sorted(unpublished),
        skipped,
        workedDaysOff,
        spans,
        openPause,
      };
    }
    const description = calendar.describeProvisional(fromDayNumber(day));
    if (description.provisional) unpublished.add(Number(description.date.slice(0, 4)));
    if (!description.working) {
      const reason = dayOffReason(description, day);
      skipped.push({ dayNumber: day, date: description.date, reason, kind: description.kind, name: description.name });
      continue;
    }
    const pause = spans.find((s) => s.from <= day && day < s.to);
    if (pause) {
      pause.pausedWorkingDays += 1;
      skipped.push({ dayNumber: day, date: description.date, reason: pause.reason, kind: 'paused', pause });
      continue;
    }
    if (description.kind === 'makeup-workday' || description.kind === 'local-workday') {
      const reason = description.name ?? '';
      workedDaysOff.push({ dayNumber: day, date: description.date, reason, kind: description.kind });
    }
    counted += 1;
    if (counted === target) {
      return { due: day, counted, unpublishedYears: sorted(unpublished), skipped, workedDaysOff, spans, openPause };
    }
  }
}

function sorted(years: Set<number>): number[] {
  return [...years].sort((a, b) => a - b);
}

/**
 * A deadline of `limitWorkingDays` (+ `extensionWorkingDays`) working days counted from the day after `startDate`,
 * with the working days of every pause left out, so that a pause moves the due date by exactly its working days.
 * Days of a year whose arrangement is not published are counted Monday to Friday less the statutory holidays, and
 * the deadline is `provisional`. While a pause is open the due date is not known: `dueDate` is '' (as the proto's
 * "the clock does not run") and the explanation says how many working days were used and are left.
 */
export function computeDeadline(calendar: WorkingCalendar, input: DeadlineInput): Deadline {
  const start = toDayNumber(input?.startDate, 'startDate');
  checkWorkingDays(input.limitWorkingDays, 'limitWorkingDays');
  const extension = input.extensionWorkingDays ?? 0;
  checkWorkingDays(extension, 'extensionWorkingDays');
  const budget = input.limitWorkingDays + extension;
  checkWorkingDays(budget, 'limitWorkingDays + extensionWorkingDays');
  const w = walk(calendar, start, budget, toPauseSpans(input.pauses, 'pauses'));
  const dueDate = w.due === undefined ? '' : fromDayNumber(w.due);
  return {
    dueDate,
    startDate: input.startDate,
    limitWorkingDays: input.limitWorkingDays,
    extensionWorkingDays: extension,
    suspendedWorkingDays: w.spans.reduce((sum, s) => sum + s.pausedWorkingDays, 0),
    provisional: w.unpublishedYears.length > 0,
    skipped: w.skipped.map(({ date, reason }) => ({ date, reason })),
    explanation: explainDeadline({
      start,
      limitWorkingDays: input.limitWorkingDays,
      extensionWorkingDays: extension,
      due: w.due,
      counted: w.counted,
      skipped: w.skipped,
      workedDaysOff: w.workedDaysOff,
      openPause: w.openPause,
      unpublishedYears: w.unpublishedYears,
    }),
  };
}

function countsOn(calendar: WorkingCalendar, day: number, closed: PauseSpan[]): boolean {
  return calendar.describeProvisional(fromDayNumber(day)).working && !closed.some((s) => s.from <= day && day < s.to);
}

/**
 * Working days left until the end of `dueDate` as seen at the end of `today`: 0 on the due date, the counted days in
 * (today, dueDate] before it, minus the counted days in (dueDate, today] after it. A day counts when it is a working
 * day outside every closed pause; an open pause stops the clock at its start (the days left stay what they were the
 * day before), so pass the due date as it stood before the pause opened. Unpublished years count Monday to Friday.
 */
export function workingDaysLeft(
  calendar: WorkingCalendar,
  today: string,
  dueDate: string,
  pauses?: readonly Pause[],
): number;
/** The same for a deadline itself, which also works while a pause is open (days before the start are not counted). */
export function workingDaysLeft(calendar: WorkingCalendar, today: string, deadline: DeadlineInput): number;
export function workingDaysLeft(
  calendar: WorkingCalendar,
  today: string,
  due: string | DeadlineInput,
  pauses?: readonly Pause[],
): number {
  let todayN = toDayNumber(today, 'today');
  let dueN: number;
  let spans: PauseSpan[];
  if (typeof due === 'string') {
    if (due === '') {
      throw new CalendarInputError(
        'dueDate 为空：计时已暂停，截止日期未定；请传入期限本身（startDate、limitWorkingDays…）',
      );
    }
    dueN = toDayNumber(due, 'dueDate');
    spans = toPauseSpans(pauses, 'pauses');
  } else {
    spans = toPauseSpans(due.pauses, 'pauses');
    const closedPauses = (due.pauses ?? []).filter((p) => p.to !== undefined);
    dueN = toDayNumber(computeDeadline(calendar, { ...due, pauses: closedPauses }).dueDate);
    todayN = Math.max(todayN, toDayNumber(due.startDate));
  }
  const closed = spans.filter((s) => s.to !== Number.POSITIVE_INFINITY);
  const openFrom = Math.min(...spans.filter((s) => s.to === Number.POSITIVE_INFINITY).map((s) => s.from));
  const asOf = Math.min(todayN, openFrom - 1);
  let left = 0;
  for (let day = asOf + 1; day <= dueN; day += 1) if (countsOn(calendar, day, closed)) left += 1;
  for (let day = dueN + 1; day <= asOf; day += 1) if (countsOn(calendar, day, closed)) left -= 1;
  return left;
}

/**
 * Due dates of workflow steps that run one after another from `startDate`, each with its budget in working days:
 * step i is due when the budgets of steps 0…i are used up, counted as computeDeadline does (pauses included), so
 * the last step is due on the deadline of the budgets' sum. A step is planned to start after the previous one's due
 * date. Steps beyond an open pause have dueDate ''.
 */
export function stepDueDates(
  calendar: WorkingCalendar,
  startDate: string,
  budgets: readonly number[],
  pauses?: readonly Pause[],
): StepDueDate[] {
  if (!Array.isArray(budgets)) throw new CalendarInputError('budgets 应为数组（各环节的工作日时限）');
  budgets.forEach((b, i) => checkWorkingDays(b, `budgets[${i}]`));
  const steps: StepDueDate[] = [];
  let used = 0;
  for (const budget of budgets) {
    used += budget;
    const { dueDate, provisional } = computeDeadline(calendar, { startDate, limitWorkingDays: used, pauses });
    const previous = steps[steps.length - 1];
    steps.push({ startDate: previous ? previous.dueDate : startDate, budgetWorkingDays: budget, dueDate, provisional });
  }
  return steps;
}
