import type { KpiCounts, KpiFigures } from './types';

/*
 * The leader's dashboard (领导驾驶舱) arithmetic, free of I/O: months of a trend, a subordinate tenant's roll-up
 * from ListKpis' per-tenant rows, and rates derived again from added counts (never averaged; ADR 0048).
 */

/** The `count` months ending with `month` (YYYY-MM), oldest first. */
export function monthsEnding(month: string, count = 12): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    const index = y * 12 + (m - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** The month in the address (`?month=YYYY-MM`, so a view can be linked) when valid and not future; else `current`. */
export function chosenMonth(asked: string | null, current: string): string {
  return asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) && asked <= current ? asked : current;
}

/** One row of a comparison: a tenant (or department) with its counts of the month; zero counts when it had none. */
export interface ComparisonRow {
  code: string;
  name: string;
  accepted: number;
  completed: number;
  onTime: number;
  redCards: number;
  violations: number;
  ratings: number;
  satisfiedRatings: number;
}

const ZERO = { accepted: 0, completed: 0, onTime: 0, redCards: 0, violations: 0, ratings: 0, satisfiedRatings: 0 };

function add(row: ComparisonRow, c: KpiCounts): ComparisonRow {
  return {
    ...row,
    accepted: row.accepted + c.accepted,
    completed: row.completed + c.completed,
    onTime: row.onTime + c.onTime,
    redCards: row.redCards + c.redCards,
    violations: row.violations + c.violations,
    ratings: row.ratings + c.ratings,
    satisfiedRatings: row.satisfiedRatings + c.satisfiedRatings,
  };
}

/**
 * Each subordinate tenant's figures of `month`: the rows of the tenant and of every tenant below it (a region code
 * extends its parent's), added. Every subordinate is listed, with zeros when it had nothing.
 */
export function rollUpByTenant(
  figures: readonly KpiFigures[],
  subordinates: readonly { code: string; name: string }[],
  month: string,
): ComparisonRow[] {
  return subordinates.map((t) =>
    figures
      .filter((f) => f.period.key === month && f.subject.tenant.startsWith(t.code))
      .reduce((row, f) => add(row, f.counts), { code: t.code, name: t.name, ...ZERO }),
  );
}

/** Department rows of one tenant's month, named from the tenant's departments (the code when one is unknown). */
export function departmentRows(
  figures: readonly KpiFigures[],
  departments: readonly { code: string; name: string }[],
  month: string,
): ComparisonRow[] {
  const names = new Map(departments.map((d) => [d.code, d.name]));
  return figures
    .filter((f) => f.period.key === month)
    .map((f) => add({ code: f.subject.id, name: names.get(f.subject.id) ?? f.subject.id, ...ZERO }, f.counts));
}

const ratio = (n: number, d: number): number | undefined => (d > 0 ? n / d : undefined);

export const onTimeRateOf = (r: Pick<ComparisonRow, 'onTime' | 'completed'>) => ratio(r.onTime, r.completed);
export const satisfactionOf = (r: Pick<ComparisonRow, 'satisfiedRatings' | 'ratings'>) =>
  ratio(r.satisfiedRatings, r.ratings);

/** A rate as text: one decimal percent, or `none` when there is no denominator (never a made-up 0% or 100%). */
export const percentText = (rate: number | undefined, none = '无数据') =>
  rate === undefined ? none : `${(rate * 100).toFixed(1)}%`;

/** A rate for a chart's axis in percent (one decimal), or null (a gap) when there is no data. */
export const percentValue = (rate: number | undefined) => (rate === undefined ? null : Math.round(rate * 1000) / 10);
