import type { Role } from '@govhall/auth';
import { ValidationError, type Violation } from '@govhall/errors';
import type { KpiPeriodKind } from '../../domain/evaluation/kpi';
import { MAX_PERIODS, PERIOD_KEY_FORMATS, periodKeys, periodRange } from '../../domain/evaluation/kpi-period';

/** Who reads KPIs and bulletins: supervisors and center admins (own tenant and below), beside ops and services. */
export const EVALUATION_READERS: Role[] = ['supervisor', 'center_admin'];

const MONTH = /^\d{4}-\d{2}$/;

/** Throws every collected field violation at once; nothing is read before the request is whole. */
export function throwIfAny(violations: Violation[]): void {
  if (violations.length) throw new ValidationError(violations);
}

/**
 * The period keys from `from` to `to` (empty: `from`) of a kind, each checked: its format, the order and how
 * many periods one request may span. Adds the violations it finds and answers [] when there are any.
 */
export function checkedPeriodKeys(
  kind: KpiPeriodKind | undefined,
  from: string,
  to: string,
  violations: Violation[],
): string[] {
  if (!kind) return [];
  const last = to || from;
  const format = PERIOD_KEY_FORMATS[kind];
  const before = violations.length;
  if (!periodRange({ kind, key: from })) {
    violations.push({ path: 'fromKey', reason: 'PATTERN', message: `开始期间应为有效的${format}格式` });
  }
  if (to && !periodRange({ kind, key: to })) {
    violations.push({ path: 'toKey', reason: 'PATTERN', message: `结束期间应为有效的${format}格式` });
  }
  if (violations.length > before) return [];
  if (last < from) {
    violations.push({ path: 'toKey', reason: 'RANGE', message: '结束期间不能早于开始期间' });
    return [];
  }
  const keys = periodKeys(kind, from, last);
  if (keys.length > MAX_PERIODS[kind]) {
    violations.push({ path: 'toKey', reason: 'RANGE', message: `一次最多统计${MAX_PERIODS[kind]}个期间` });
    return [];
  }
  return keys;
}

/** A month `YYYY-MM` that exists and is not after `currentMonth`. */
export function checkMonth(month: string, currentMonth: string, violations: Violation[]): void {
  if (!MONTH.test(month) || !periodRange({ kind: 'month', key: month })) {
    violations.push({ path: 'month', reason: 'PATTERN', message: '月份应为有效的YYYY-MM格式' });
  } else if (month > currentMonth) {
    violations.push({ path: 'month', reason: 'RANGE', message: '月份不能晚于本月' });
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day `YYYY-MM-DD` that exists and is not after `today`. */
export function checkDay(date: string, today: string, violations: Violation[]): void {
  if (!DAY.test(date) || !periodRange({ kind: 'day', key: date })) {
    violations.push({ path: 'date', reason: 'PATTERN', message: '日期应为有效的YYYY-MM-DD格式' });
  } else if (date > today) {
    violations.push({ path: 'date', reason: 'RANGE', message: '日期不能晚于今天' });
  }
}
