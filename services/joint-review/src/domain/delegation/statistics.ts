import { ValidationError, type Violation } from '@govhall/errors';
import type { Leg, LegKind } from '../legs/leg';
import type { DelegatedCase } from './delegated-case';

/** J8: delegated volume and leg timeliness of one department in one month ('' month: over the whole period). */
export interface DelegationStatisticsRow {
  department: string;
  month: string;
  accepted: number;
  transferred: number;
  decided: number;
  denied: number;
  replied: number;
  cancelled: number;
  transferOnTime: number;
  departmentOnTime: number;
  replyOnTime: number;
  averageTransferWorkingDays: number;
  averageDepartmentWorkingDays: number;
  averageReplyWorkingDays: number;
}

/** How the statistics count a finished leg's days (the tenant's working calendar). */
export interface StatisticsCalendar {
  /** The calendar day in China of an instant (YYYY-MM-DD). */
  dayOf(instant: Date): string;
  /** Working days in (from, to]. */
  workingDaysBetween(from: string, to: string): number;
}

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 24;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** The period's months are YYYY-MM, in order, at most 24. */
export function validatePeriod(fromMonth: string, toMonth: string): void {
  const v: Violation[] = [];
  if (!MONTH.test(fromMonth))
    v.push({ path: 'fromMonth', message: '起始月份应为2000年至2099年的YYYY-MM', reason: 'PATTERN' });
  if (!MONTH.test(toMonth))
    v.push({ path: 'toMonth', message: '截止月份应为2000年至2099年的YYYY-MM', reason: 'PATTERN' });
  if (v.length === 0) {
    const span = monthIndex(toMonth) - monthIndex(fromMonth);
    if (span < 0) v.push({ path: 'toMonth', message: '截止月份不能早于起始月份', reason: 'OUT_OF_RANGE' });
    else if (span >= MAX_MONTHS) {
      v.push({ path: 'toMonth', message: `统计期间最多${MAX_MONTHS}个月`, reason: 'OUT_OF_RANGE' });
    }
  }
  if (v.length > 0) throw new ValidationError(v);
}

interface LegTally {
  finished: number;
  onTime: number;
  days: number;
}

interface Tally {
  accepted: number;
  transferred: number;
  decided: number;
  denied: number;
  replied: number;
  cancelled: number;
  legs: Record<'delegated_transfer' | 'delegated_department' | 'delegated_reply', LegTally>;
}

const emptyTally = (): Tally => ({
  accepted: 0,
  transferred: 0,
  decided: 0,
  denied: 0,
  replied: 0,
  cancelled: 0,
  legs: {
    delegated_transfer: { finished: 0, onTime: 0, days: 0 },
    delegated_department: { finished: 0, onTime: 0, days: 0 },
    delegated_reply: { finished: 0, onTime: 0, days: 0 },
  },
});

const KINDS: LegKind[] = ['delegated_transfer', 'delegated_department', 'delegated_reply'];

function addLeg(t: Tally, leg: Leg, calendar: StatisticsCalendar): void {
  if (leg.state !== 'finished' || leg.end !== 'completed' || !leg.finishedAt) return;
  if (!KINDS.includes(leg.kind)) return;
  const tally = t.legs[leg.kind as keyof Tally['legs']];
  const day = calendar.dayOf(leg.finishedAt);
  tally.finished += 1;
  tally.days += calendar.workingDaysBetween(leg.startDate, day);
  if (day <= leg.dueDate) tally.onTime += 1;
}

function add(t: Tally, dc: DelegatedCase, calendar: StatisticsCalendar): void {
  t.accepted += 1;
  if (dc.transferredAt) t.transferred += 1;
  if (dc.decision) {
    t.decided += 1;
    if (dc.decision.outcome === 'denied') t.denied += 1;
  }
  if (dc.state === 'replied') t.replied += 1;
  if (dc.state === 'cancelled') t.cancelled += 1;
  dc.legs.forEach((leg) => addLeg(t, leg, calendar));
}

const average = (l: LegTally) => (l.finished === 0 ? 0 : Math.round((l.days / l.finished) * 100) / 100);

function toRow(department: string, month: string, t: Tally): DelegationStatisticsRow {
  const { delegated_transfer: tr, delegated_department: de, delegated_reply: re } = t.legs;
  return {
    department,
    month,
    accepted: t.accepted,
    transferred: t.transferred,
    decided: t.decided,
    denied: t.denied,
    replied: t.replied,
    cancelled: t.cancelled,
    transferOnTime: tr.onTime,
    departmentOnTime: de.onTime,
    replyOnTime: re.onTime,
    averageTransferWorkingDays: average(tr),
    averageDepartmentWorkingDays: average(de),
    averageReplyWorkingDays: average(re),
  };
}

/**
 * Rows per department and month of acceptance (months with cases only), each department followed by its total
 * (month ''); departments in code order. `departments` are those to report even without a case (a zero total).
 */
export function delegationStatistics(
  cases: readonly DelegatedCase[],
  period: { fromMonth: string; toMonth: string },
  departments: readonly string[],
  calendar: StatisticsCalendar,
): DelegationStatisticsRow[] {
  const byDepartment = new Map<string, Map<string, Tally>>(departments.map((d) => [d, new Map()]));
  for (const dc of cases) {
    const month = calendar.dayOf(dc.acceptedAt).slice(0, 7);
    if (month < period.fromMonth || month > period.toMonth) continue;
    const months = byDepartment.get(dc.department) ?? new Map<string, Tally>();
    byDepartment.set(dc.department, months);
    const tally = months.get(month) ?? emptyTally();
    months.set(month, tally);
    add(tally, dc, calendar);
  }
  return [...byDepartment.keys()].sort().flatMap((department) => {
    const months = byDepartment.get(department)!;
    const total = emptyTally();
    const rows = [...months.keys()].sort().map((month) => toRow(department, month, months.get(month)!));
    for (const dc of cases) {
      const month = calendar.dayOf(dc.acceptedAt).slice(0, 7);
      if (dc.department === department && month >= period.fromMonth && month <= period.toMonth) {
        add(total, dc, calendar);
      }
    }
    return [...rows, toRow(department, '', total)];
  });
}
