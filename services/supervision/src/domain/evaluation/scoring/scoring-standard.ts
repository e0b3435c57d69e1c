import type { Sanction } from '../../accountability/accountability';
import type { ViolationKind } from '../../violations/violation';
import { DEFAULT_BANDS, type GradeBands } from './grade';
import type { MeasureKey } from './measures';

/** higher_better: points are lost below the target (rates); lower_better: above it (days, signals). */
export type Direction = 'higher_better' | 'lower_better';

/**
 * How points are lost against the target: `linear` loses `pointsPerUnit` for each unit (percentage point, day, time)
 * of shortfall, fractions included; `per_item` loses `pointsPerUnit` per whole item (counts only). Never below
 * `floor`.
 */
export type LossRule = 'linear' | 'per_item';

/** One indicator (考核指标) of the standard: what it reads, its target and full marks, how it loses points. */
export interface Indicator {
  /** Stable code, e.g. ON_TIME. */
  code: string;
  /** What a supervisor reads, e.g. 按时办结率. */
  name: string;
  measure: MeasureKey;
  direction: Direction;
  /** In the measure's unit: a percent rate as 0–100 (100 = 100%). */
  target: number;
  /** The indicator's weight: full marks out of 100 for all indicators together. */
  fullMarks: number;
  loss: LossRule;
  pointsPerUnit: number;
  /** The fewest points it can fall to (0 … fullMarks). */
  floor: number;
}

export interface ViolationDeduction {
  kind: ViolationKind;
  /** Points off per violation of this kind in the period (dismissed ones never count). */
  points: number;
}

export interface SanctionDeduction {
  sanction: Sanction;
  /** Points off per decided accountability record imposing this sanction in the period. */
  points: number;
}

/**
 * A tenant's scoring standard (绩效评估量化标准, S27), one version of it: every save is a new version, effective from
 * a date; scores of a period use the version in effect on the period's first day (ADR 0042).
 */
export interface ScoringStandard {
  tenant: string;
  /** 0 = the default standard (never stored); 1, 2 … the tenant's saved versions. */
  version: number;
  /** YYYY-MM-DD (China time): the first day this version applies to. */
  effectiveFrom: string;
  indicators: Indicator[];
  violationDeductions: ViolationDeduction[];
  sanctionDeductions: SanctionDeduction[];
  bands: GradeBands;
  /** S25: at least this share (percent) of window staff receive the annual 优秀. */
  excellentQuotaPercent: number;
  updatedBy: string;
  updatedAt?: Date;
}

/** What a center admin writes: the standard without its bookkeeping. */
export type StandardDraft = Omit<ScoringStandard, 'tenant' | 'version' | 'updatedBy' | 'updatedAt'>;

export const DEFAULT_INDICATORS: readonly Indicator[] = [
  rate('ON_TIME', '按时办结率', 'onTimeRate', 30, 0.5),
  rate('SATISFACTION', '满意率', 'satisfactionRate', 20, 1),
  rate('RECTIFICATION', '差评整改率', 'rectificationRate', 10, 0.5),
  rate('COMPLAINT_REPLY', '投诉按时答复率', 'complaintReplyTimeliness', 10, 0.5),
  { ...rate('ONLINE', '网上申办率', 'onlineShare', 10, 0.2), target: 50 },
  count('RED_CARDS', '红牌', 'redCards', 10, 2),
  count('YELLOW_CARDS', '黄牌', 'yellowCards', 10, 1),
];

function rate(code: string, name: string, measure: MeasureKey, fullMarks: number, pointsPerUnit: number): Indicator {
  return {
    code,
    name,
    measure,
    direction: 'higher_better',
    target: 100,
    fullMarks,
    loss: 'linear',
    pointsPerUnit,
    floor: 0,
  };
}

function count(code: string, name: string, measure: MeasureKey, fullMarks: number, pointsPerUnit: number): Indicator {
  return {
    code,
    name,
    measure,
    direction: 'lower_better',
    target: 0,
    fullMarks,
    loss: 'per_item',
    pointsPerUnit,
    floor: 0,
  };
}

export const DEFAULT_VIOLATION_DEDUCTIONS: readonly ViolationDeduction[] = [
  { kind: 'decision_past_limit', points: 2 },
  { kind: 'step_past_budget', points: 1 },
  { kind: 'notice_late', points: 2 },
  { kind: 'refusal_without_reasons', points: 2 },
  { kind: 'approval_without_licence_check', points: 2 },
  { kind: 'outside_system', points: 5 },
  { kind: 'hosted_item_without_cases', points: 5 },
  { kind: 'payment_marked_by_staff', points: 3 },
  { kind: 'rectification_late', points: 1 },
  { kind: 'inspection_finding', points: 1 },
  // A complaint's clock past its day costs what another overrun handling clock costs (step_past_budget,
  // rectification_late): 1 per clock; the indicator 投诉按时答复率 is to weigh timeliness besides, once complaints feed
  // the KPIs. A complaint found 合理 is misconduct of its target that the handling office established, as
  // notice_late or refusal_without_reasons are: 2 (sanctions decided on it take their own points).
  { kind: 'complaint_late', points: 1 },
  { kind: 'complaint_justified', points: 2 },
];

/** 取消评先资格 takes no points: it bars the annual 优秀 instead (S19). */
export const DEFAULT_SANCTION_DEDUCTIONS: readonly SanctionDeduction[] = [
  { sanction: 'criticism_and_education', points: 1 },
  { sanction: 'admonitory_talk', points: 2 },
  { sanction: 'written_self_examination', points: 2 },
  { sanction: 'disqualified_from_commendation', points: 0 },
  { sanction: 'circulated_criticism', points: 3 },
  { sanction: 'yellow_card_warning', points: 3 },
  { sanction: 'suggest_reassignment', points: 5 },
];

/** S25's floor. */
export const MIN_EXCELLENT_QUOTA_PERCENT = 20;

/** The standard of a tenant that saved none (version 0, in effect since always). */
export function defaultStandard(tenant: string): ScoringStandard {
  return {
    tenant,
    version: 0,
    effectiveFrom: '2000-01-01',
    indicators: DEFAULT_INDICATORS.map((i) => ({ ...i })),
    violationDeductions: DEFAULT_VIOLATION_DEDUCTIONS.map((d) => ({ ...d })),
    sanctionDeductions: DEFAULT_SANCTION_DEDUCTIONS.map((d) => ({ ...d })),
    bands: { ...DEFAULT_BANDS },
    excellentQuotaPercent: MIN_EXCELLENT_QUOTA_PERCENT,
    updatedBy: '',
  };
}

/**
 * The version in effect on `day` (YYYY-MM-DD): of the versions effective on or before it, the latest saved; the
 * default when there is none.
 */
export function standardInEffect(tenant: string, versions: readonly ScoringStandard[], day: string): ScoringStandard {
  const applicable = versions.filter((v) => v.effectiveFrom <= day).sort((a, b) => b.version - a.version);
  return applicable[0] ?? defaultStandard(tenant);
}
