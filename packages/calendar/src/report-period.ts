import { isRealDate, toDayNumber } from './iso-date';

/** A field's problem as @govhall/errors' ValidationError takes it (kept structural: this package throws none). */
export interface PeriodViolation {
  path: 'from' | 'to';
  reason: 'INVALID' | 'BEFORE_FROM' | 'RANGE';
  message: string;
}

/**
 * What is wrong with a report's period of China dates `from`–`to` (inclusive): real days, `to` not before `from`, at
 * most `maxDays` days. Empty when it is fine.
 */
export function periodViolations(from: string, to: string, maxDays = 366): PeriodViolation[] {
  const v: PeriodViolation[] = [];
  if (!isRealDate(from)) v.push({ path: 'from', reason: 'INVALID', message: '开始日期应为有效日期（yyyy-mm-dd）' });
  if (!isRealDate(to)) v.push({ path: 'to', reason: 'INVALID', message: '结束日期应为有效日期（yyyy-mm-dd）' });
  if (v.length === 0) {
    const days = toDayNumber(to) - toDayNumber(from) + 1;
    if (days < 1) v.push({ path: 'to', reason: 'BEFORE_FROM', message: '结束日期不能早于开始日期' });
    else if (days > maxDays) v.push({ path: 'to', reason: 'RANGE', message: `统计期间最长为${maxDays}天` });
  }
  return v;
}
