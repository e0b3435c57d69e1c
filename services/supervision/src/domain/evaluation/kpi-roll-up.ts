import {
  addCounts,
  emptyCounts,
  ratesOf,
  type KpiCounts,
  type KpiFigures,
  type KpiPeriodKind,
  type KpiSubject,
} from './kpi';
import type { KpiDayRow } from './kpi-facts';
import { periodKeyOf } from './kpi-period';

const LEVEL_ORDER = { tenant: 0, department: 1, window: 2, person: 3 } as const;

function bySubjectThenPeriod(a: KpiFigures, b: KpiFigures): number {
  return (
    a.subject.tenant.localeCompare(b.subject.tenant) ||
    LEVEL_ORDER[a.subject.level] - LEVEL_ORDER[b.subject.level] ||
    a.subject.id.localeCompare(b.subject.id) ||
    a.period.key.localeCompare(b.period.key)
  );
}

/**
 * Day rows summed into periods of `kind`: one figure per subject and period that has any day row (counts added,
 * rates derived from the sums, never summed), sorted by tenant, subject, period.
 */
export function sumIntoPeriods(rows: KpiDayRow[], kind: KpiPeriodKind): KpiFigures[] {
  const sums = new Map<string, { subject: KpiSubject; key: string; counts: KpiCounts }>();
  const fields = Object.keys(emptyCounts()) as (keyof KpiCounts)[];
  for (const row of rows) {
    const key = periodKeyOf(kind, row.day);
    const id = `${row.subject.tenant}|${row.subject.level}|${row.subject.id}|${key}`;
    const sum = sums.get(id);
    // Added in place (a year of a city's departments is tens of thousands of day rows).
    if (sum) for (const f of fields) sum.counts[f] += row.counts[f];
    else sums.set(id, { subject: row.subject, key, counts: { ...emptyCounts(), ...row.counts } });
  }
  return [...sums.values()]
    .map((s) => ({ subject: s.subject, period: { kind, key: s.key }, counts: s.counts, rates: ratesOf(s.counts) }))
    .sort(bySubjectThenPeriod);
}

/**
 * The totals of figures per period (a city's roll-up over its own and its subordinates' rows): one figure per
 * requested period key, zero counts where no row has any, subject = the requested tenant at the given level.
 */
export function totalsPerPeriod(
  figures: KpiFigures[],
  kind: KpiPeriodKind,
  keys: string[],
  subject: KpiSubject,
): KpiFigures[] {
  return keys.map((key) => {
    const counts = figures.filter((f) => f.period.key === key).reduce((s, f) => addCounts(s, f.counts), emptyCounts());
    return { subject, period: { kind, key }, counts, rates: ratesOf(counts) };
  });
}
