import type { KpiPeriod } from '../kpi';

/** The first and last day (YYYY-MM-DD, China time) of a scoring period. */
export interface PeriodRange {
  first: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The days of a month `2026-12`, quarter `2026-Q4` or year `2026` period; undefined when the key is malformed. */
export function periodRange(period: KpiPeriod): PeriodRange | undefined {
  let m: RegExpExecArray | null;
  if (period.kind === 'year' && (m = /^(\d{4})$/.exec(period.key))) {
    return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  }
  if (period.kind === 'quarter' && (m = /^(\d{4})-Q([1-4])$/.exec(period.key))) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const lastMonth = q * 3;
    return {
      first: `${year}-${pad(lastMonth - 2)}-01`,
      last: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
    };
  }
  if (period.kind === 'month' && (m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period.key))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { first: `${period.key}-01`, last: `${period.key}-${pad(lastDayOfMonth(year, month))}` };
  }
  return undefined;
}

/** "2026年第4季度", "2026年12月", "2026年度". */
export function periodName(period: KpiPeriod): string {
  const [year, rest] = period.key.split('-');
  if (period.kind === 'quarter') return `${year}年第${rest?.slice(1)}季度`;
  if (period.kind === 'month') return `${year}年${Number(rest)}月`;
  return `${year}年度`;
}

/** A period from its key alone: `2026-Q4` a quarter, `2026-12` a month, `2026` a year; undefined otherwise. */
export function parsePeriodKey(key: string): KpiPeriod | undefined {
  const kind = /^\d{4}$/.test(key)
    ? 'year'
    : /^\d{4}-Q\d$/.test(key)
      ? 'quarter'
      : /^\d{4}-\d{2}$/.test(key)
        ? 'month'
        : undefined;
  if (!kind) return undefined;
  const period = { kind, key } as const;
  return periodRange(period) ? period : undefined;
}
