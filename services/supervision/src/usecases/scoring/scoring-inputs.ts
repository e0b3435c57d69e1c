import { ValidationError } from '@govhall/errors';
import {
  emptyCounts,
  ratesOf,
  type KpiFigures,
  type KpiPeriod,
  type KpiSubjectLevel,
} from '../../domain/evaluation/kpi';
import { parsePeriodKey, periodRange, type DayRange } from '../../domain/evaluation/kpi-period';
import { standardInEffect, type ScoringStandard } from '../../domain/evaluation/scoring/scoring-standard';
import type { ScoringStandardStore } from './scoring.ports';

const LEVELS: readonly KpiSubjectLevel[] = ['tenant', 'department', 'window', 'person'];

/** A period a score may cover from its key (month, quarter, year), refused at `path` otherwise. */
export function checkedPeriod(key: string, path: string): { period: KpiPeriod; range: DayRange } {
  const period = parsePeriodKey(key);
  const range = period && periodRange(period);
  if (!period || !range)
    throw new ValidationError([
      { path, reason: 'PATTERN', message: '考核期间应为月（2026-12）、季度（2026-Q4）或年度（2026）' },
    ]);
  return { period, range };
}

export function checkedLevel(level: KpiSubjectLevel | undefined, path: string): KpiSubjectLevel {
  if (!level || !LEVELS.includes(level))
    throw new ValidationError([{ path, reason: 'ENUM', message: '请选择考核对象层级（中心、部门、窗口或个人）' }]);
  return level;
}

/** The standard in effect on the period's first day. */
export async function standardForPeriod(
  standards: ScoringStandardStore,
  tenant: string,
  range: DayRange,
): Promise<ScoringStandard> {
  return standardInEffect(tenant, await standards.versions(tenant), range.firstDay);
}

/** Figures of a subject that had no activity in the period: every count 0, every rate "no data". */
export function noActivity(tenant: string, level: KpiSubjectLevel, id: string, period: KpiPeriod): KpiFigures {
  const counts = emptyCounts();
  return { subject: { tenant, level, id }, period, counts, rates: ratesOf(counts) };
}
