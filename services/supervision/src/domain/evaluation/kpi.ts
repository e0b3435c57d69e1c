/**
 * The evaluation contract (issue 12 §4, domain.md "KPIs"): what is measured, of whom, over which period. KPIs are
 * computed from supervision's own read side (matters and their clocks, signals, violations, accountability) — never
 * from another service's database. The scoring standard (S27) turns these figures into scores and grades.
 */

/** Whose figures: the whole center (tenant), one department, one window, one person (A-post staff, S24). */
export type KpiSubjectLevel = 'tenant' | 'department' | 'window' | 'person';

export interface KpiSubject {
  level: KpiSubjectLevel;
  /** The tenant's region code for `tenant`; the department code, window id or staff id otherwise. */
  id: string;
  tenant: string;
}

/** A calendar period in China time: day `2026-12-04`, month `2026-12`, quarter `2026-Q4`, year `2026`. */
export type KpiPeriodKind = 'day' | 'month' | 'quarter' | 'year';

export interface KpiPeriod {
  kind: KpiPeriodKind;
  key: string;
}

/**
 * Counts of one subject over one period: the raw material every rate is derived from (rates are never summed; a
 * roll-up adds counts and derives again). A case belongs to the period in which it ended (办结), except `accepted`,
 * counted in the period of its acceptance.
 */
export interface KpiCounts {
  /** Cases accepted in the period. */
  accepted: number;
  /** Cases ended (办结) in the period, excluding those not accepted, voided or withdrawn. */
  completed: number;
  /** Of `completed`: within the promised limit (with its extension). */
  onTime: number;
  /** Of `completed`: at least one working day before the promised due date (提前办结). */
  early: number;
  /** Of `completed`: sum of working days used (pauses excluded) — for the average. */
  workingDaysUsed: number;
  /** Of `completed`: sum of their promised limits — average days vs promised. */
  promisedWorkingDays: number;
  /** Of `completed`: sum of their statutory limits — compression ratio 1 − promised/statutory. */
  statutoryWorkingDays: number;
  /** Of `completed`: immediate items (即办件: decided on the spot or promised limit 0). */
  immediate: number;
  /** Of `completed`: applied online. */
  online: number;
  /** Of `completed`: applicant visits recorded (average visits = visits / completed); 0 when unknown. */
  visits: number;
  /** Signals raised in the period, by level. */
  warnings: number;
  yellowCards: number;
  redCards: number;
  /** Violations recorded in the period (open or decided; dismissed ones excluded). */
  violations: number;
  /** Ratings received (好差评, issue 15): until ratings exist these stay 0 and their rates read "no data". */
  ratings: number;
  /** Ratings of 3★–5★. */
  satisfiedRatings: number;
  badRatings: number;
  badRatingsRectifiedOnTime: number;
  complaints: number;
  complaintsRepliedOnTime: number;
}

/** Derived rates; `undefined` when the denominator is 0 (shown as 无数据, never as 0% or 100%). */
export interface KpiRates {
  onTimeRate?: number;
  earlyRate?: number;
  averageWorkingDays?: number;
  averageVsPromised?: number;
  compressionRatio?: number;
  immediateShare?: number;
  onlineShare?: number;
  averageVisits?: number;
  satisfactionRate?: number;
  rectificationRate?: number;
  complaintReplyTimeliness?: number;
}

export interface KpiFigures {
  subject: KpiSubject;
  period: KpiPeriod;
  counts: KpiCounts;
  rates: KpiRates;
}

export function emptyCounts(): KpiCounts {
  return {
    accepted: 0,
    completed: 0,
    onTime: 0,
    early: 0,
    workingDaysUsed: 0,
    promisedWorkingDays: 0,
    statutoryWorkingDays: 0,
    immediate: 0,
    online: 0,
    visits: 0,
    warnings: 0,
    yellowCards: 0,
    redCards: 0,
    violations: 0,
    ratings: 0,
    satisfiedRatings: 0,
    badRatings: 0,
    badRatingsRectifiedOnTime: 0,
    complaints: 0,
    complaintsRepliedOnTime: 0,
  };
}

export function addCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const sum = emptyCounts();
  for (const k of Object.keys(sum) as (keyof KpiCounts)[]) sum[k] = a[k] + b[k];
  return sum;
}

const ratio = (n: number, d: number): number | undefined => (d > 0 ? n / d : undefined);

export function ratesOf(c: KpiCounts): KpiRates {
  const compression = c.statutoryWorkingDays > 0 ? 1 - c.promisedWorkingDays / c.statutoryWorkingDays : undefined;
  return {
    onTimeRate: ratio(c.onTime, c.completed),
    earlyRate: ratio(c.early, c.completed),
    averageWorkingDays: ratio(c.workingDaysUsed, c.completed),
    averageVsPromised: ratio(c.workingDaysUsed, c.promisedWorkingDays),
    compressionRatio: compression,
    immediateShare: ratio(c.immediate, c.completed),
    onlineShare: ratio(c.online, c.completed),
    averageVisits: c.visits > 0 ? ratio(c.visits, c.completed) : undefined,
    satisfactionRate: ratio(c.satisfiedRatings, c.ratings),
    rectificationRate: ratio(c.badRatingsRectifiedOnTime, c.badRatings),
    complaintReplyTimeliness: ratio(c.complaintsRepliedOnTime, c.complaints),
  };
}
