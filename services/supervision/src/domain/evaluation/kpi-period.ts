import type { KpiPeriod, KpiPeriodKind } from './kpi';

/** A period's first and last day (YYYY-MM-DD, inclusive). */
export interface DayRange {
  firstDay: string;
  lastDay: string;
}

const PATTERNS: Record<KpiPeriodKind, RegExp> = {
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/** How each kind's key is written, for the message of a malformed key. */
export const PERIOD_KEY_FORMATS: Record<KpiPeriodKind, string> = {
  day: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  quarter: 'YYYY-Q1…Q4',
  year: 'YYYY',
};

/** The most periods one request may span (a year of days, three years of months …). */
export const MAX_PERIODS: Record<KpiPeriodKind, number> = { day: 366, month: 36, quarter: 12, year: 10 };

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The day range of a period, or undefined when the key is not a valid key of its kind. */
export function periodRange(period: KpiPeriod): DayRange | undefined {
  const m = PATTERNS[period.kind].exec(period.key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2999) return undefined;
  switch (period.kind) {
    case 'day': {
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
      return { firstDay: period.key, lastDay: period.key };
    }
    case 'month': {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return undefined;
      return { firstDay: `${year}-${pad(month)}-01`, lastDay: `${year}-${pad(month)}-${daysInMonth(year, month)}` };
    }
    case 'quarter': {
      const last = Number(m[2]) * 3;
      return { firstDay: `${year}-${pad(last - 2)}-01`, lastDay: `${year}-${pad(last)}-${daysInMonth(year, last)}` };
    }
    case 'year':
      return { firstDay: `${year}-01-01`, lastDay: `${year}-12-31` };
  }
}

/** The key of the period of `kind` that contains the day (YYYY-MM-DD). */
export function periodKeyOf(kind: KpiPeriodKind, day: string): string {
  switch (kind) {
    case 'day':
      return day;
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
    case 'year':
      return day.slice(0, 4);
  }
}

/** The keys from `from` to `to` inclusive (both valid keys of `kind`, `from` not after `to`), in order. */
export function periodKeys(kind: KpiPeriodKind, from: string, to: string): string[] {
  const keys: string[] = [];
  let day = periodRange({ kind, key: from })!.firstDay;
  const last = periodRange({ kind, key: to })!.lastDay;
  while (day <= last) {
    keys.push(periodKeyOf(kind, day));
    day = nextDay(periodRange({ kind, key: periodKeyOf(kind, day) })!.lastDay);
  }
  return keys;
}

export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** "2026年第4季度", "2026年12月", "2026年度" (a scoring period's name). */
export function periodName(period: KpiPeriod): string {
  const [year, rest] = period.key.split('-');
  if (period.kind === 'quarter') return `${year}年第${rest?.slice(1)}季度`;
  if (period.kind === 'month') return `${year}年${Number(rest)}月`;
  return `${year}年度`;
}

/** A scoring period from its key alone: `2026-Q4` a quarter, `2026-12` a month, `2026` a year; undefined otherwise. */
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
