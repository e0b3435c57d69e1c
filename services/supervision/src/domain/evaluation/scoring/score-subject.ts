import type { Sanction } from '../../accountability/accountability';
import type { ViolationKind } from '../../violations/violation';
import type { KpiFigures, KpiPeriod, KpiSubject } from '../kpi';
import { SANCTION_NAMES, VIOLATION_KIND_NAMES } from './conduct-names';
import { gradeOf, type Grade } from './grade';
import { formatMeasure, formatPoints, formatTarget, measureValue, roundPoints } from './measures';
import type { Indicator, ScoringStandard } from './scoring-standard';

/** What a subject did in the period besides its KPI figures: its violations and the sanctions imposed on it. */
export interface SubjectConduct {
  /** One entry per violation recorded in the period and not dismissed. */
  violations: ViolationKind[];
  /** One entry per sanction of each accountability record decided in the period. */
  sanctions: Sanction[];
}

export interface IndicatorScore {
  code: string;
  name: string;
  fullMarks: number;
  points: number;
  /** The figure read (a percent rate as 0–100); undefined: no data. */
  value?: number;
  /** "按时办结率 96.0%，目标 100%，扣 2 分". */
  line: string;
}

export interface DeductionScore {
  cause: 'violation' | 'sanction';
  /** The violation kind or the sanction. */
  code: string;
  count: number;
  points: number;
  /** "超期办结 2 次，每次扣 2 分，扣 4 分". */
  line: string;
}

export interface SubjectScore {
  subject: KpiSubject;
  period: KpiPeriod;
  standardVersion: number;
  indicators: IndicatorScore[];
  deductions: DeductionScore[];
  /** Sum of the indicators' points. */
  indicatorPoints: number;
  /** Sum of the deductions. */
  deductionPoints: number;
  /** indicatorPoints − deductionPoints, never below 0. */
  total: number;
  grade: Grade;
  /** 取消评先资格 decided in the period: barred from the annual 优秀 (S19). */
  barredFromExcellent: boolean;
}

function shortfall(i: Indicator, value: number): number {
  const gap = i.direction === 'higher_better' ? i.target - value : value - i.target;
  return Math.max(0, gap);
}

export function scoreIndicator(i: Indicator, figures: Pick<KpiFigures, 'counts' | 'rates'>): IndicatorScore {
  const value = measureValue(figures, i.measure);
  const base = { code: i.code, name: i.name, fullMarks: i.fullMarks };
  const target = `目标 ${formatTarget(i.measure, i.target)}`;
  if (value === undefined) return { ...base, points: i.fullMarks, line: `${i.name} 无数据，不扣分` };
  const gap = shortfall(i, value);
  const units = i.loss === 'per_item' ? Math.ceil(gap - 1e-9) : gap;
  const raw = roundPoints(units * i.pointsPerUnit);
  const lost = Math.min(raw, roundPoints(i.fullMarks - i.floor));
  const points = roundPoints(i.fullMarks - lost);
  const shown = `${i.name} ${formatMeasure(i.measure, value)}，${target}`;
  if (lost === 0) return { ...base, points, value, line: `${shown}，不扣分` };
  const floored = lost < raw ? `（已扣至最低 ${formatPoints(i.floor)} 分）` : '';
  return { ...base, points, value, line: `${shown}，扣 ${formatPoints(lost)} 分${floored}` };
}

function tally<T extends string>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

export function scoreDeductions(standard: ScoringStandard, conduct: SubjectConduct): DeductionScore[] {
  const lines: DeductionScore[] = [];
  const violations = tally(conduct.violations);
  for (const d of standard.violationDeductions) {
    const count = violations.get(d.kind) ?? 0;
    if (count === 0 || d.points === 0) continue;
    const points = roundPoints(count * d.points);
    const line = `${VIOLATION_KIND_NAMES[d.kind]} ${count} 次，每次扣 ${formatPoints(d.points)} 分，扣 ${formatPoints(points)} 分`;
    lines.push({ cause: 'violation', code: d.kind, count, points, line });
  }
  const sanctions = tally(conduct.sanctions);
  for (const d of standard.sanctionDeductions) {
    const count = sanctions.get(d.sanction) ?? 0;
    if (count === 0 || d.points === 0) continue;
    const points = roundPoints(count * d.points);
    const line = `${SANCTION_NAMES[d.sanction]} ${count} 次，每次扣 ${formatPoints(d.points)} 分，扣 ${formatPoints(points)} 分`;
    lines.push({ cause: 'sanction', code: d.sanction, count, points, line });
  }
  return lines;
}

/** A subject's score for a period under one standard: each indicator, each deduction, the total and the grade. */
export function scoreSubject(standard: ScoringStandard, figures: KpiFigures, conduct: SubjectConduct): SubjectScore {
  const indicators = standard.indicators.map((i) => scoreIndicator(i, figures));
  const deductions = scoreDeductions(standard, conduct);
  const indicatorPoints = roundPoints(indicators.reduce((s, i) => s + i.points, 0));
  const deductionPoints = roundPoints(deductions.reduce((s, d) => s + d.points, 0));
  const total = Math.max(0, roundPoints(indicatorPoints - deductionPoints));
  return {
    subject: figures.subject,
    period: figures.period,
    standardVersion: standard.version,
    indicators,
    deductions,
    indicatorPoints,
    deductionPoints,
    total,
    grade: gradeOf(total, standard.bands),
    barredFromExcellent: conduct.sanctions.includes('disqualified_from_commendation'),
  };
}
