import type { KpiFigures, KpiRates } from '../kpi';

/**
 * What an indicator of the scoring standard (S27) may read from a subject's KPI figures: a derived rate or a count
 * of signals. Violations are not a measure: they are deducted per kind (and would otherwise count twice).
 */
export type MeasureKey = keyof KpiRates | 'warnings' | 'yellowCards' | 'redCards' | 'badRatings' | 'complaints';

/** percent: a rate shown and targeted in percent (0–100); days, times, count: the figure as it is. */
export type MeasureUnit = 'percent' | 'days' | 'times' | 'count';

export interface MeasureInfo {
  /** What a supervisor reads. */
  name: string;
  unit: MeasureUnit;
}

export const MEASURES: Readonly<Record<MeasureKey, MeasureInfo>> = {
  onTimeRate: { name: '按时办结率', unit: 'percent' },
  earlyRate: { name: '提前办结率', unit: 'percent' },
  averageWorkingDays: { name: '平均办理天数', unit: 'days' },
  averageVsPromised: { name: '实际用时占承诺时限比', unit: 'percent' },
  compressionRatio: { name: '承诺时限压缩率', unit: 'percent' },
  immediateShare: { name: '即办件占比', unit: 'percent' },
  onlineShare: { name: '网上申办率', unit: 'percent' },
  averageVisits: { name: '平均跑动次数', unit: 'times' },
  satisfactionRate: { name: '满意率', unit: 'percent' },
  rectificationRate: { name: '差评整改率', unit: 'percent' },
  complaintReplyTimeliness: { name: '投诉按时答复率', unit: 'percent' },
  warnings: { name: '预警次数', unit: 'count' },
  yellowCards: { name: '黄牌次数', unit: 'count' },
  redCards: { name: '红牌次数', unit: 'count' },
  badRatings: { name: '差评件数', unit: 'count' },
  complaints: { name: '投诉件数', unit: 'count' },
};

export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[];

export function isMeasureKey(key: string): key is MeasureKey {
  return Object.prototype.hasOwnProperty.call(MEASURES, key);
}

const COUNT_KEYS = new Set<MeasureKey>(['warnings', 'yellowCards', 'redCards', 'badRatings', 'complaints']);

/** The figure in the indicator's unit (a percent rate as 0–100); undefined when there is no data (rate over 0). */
export function measureValue(figures: Pick<KpiFigures, 'counts' | 'rates'>, key: MeasureKey): number | undefined {
  if (COUNT_KEYS.has(key)) return figures.counts[key as keyof KpiFigures['counts']];
  const rate = figures.rates[key as keyof KpiRates];
  if (rate === undefined) return undefined;
  return MEASURES[key].unit === 'percent' ? rate * 100 : rate;
}

/** "96.0%", "3.5个工作日", "1.2次", "2次". */
export function formatMeasure(key: MeasureKey, value: number): string {
  switch (MEASURES[key].unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'days':
      return `${value.toFixed(1)}个工作日`;
    case 'times':
      return `${value.toFixed(1)}次`;
    case 'count':
      return `${value}次`;
  }
}

/** A target as written in the standard: "100%", "3个工作日", "0次". */
export function formatTarget(key: MeasureKey, target: number): string {
  const n = formatPoints(target);
  switch (MEASURES[key].unit) {
    case 'percent':
      return `${n}%`;
    case 'days':
      return `${n}个工作日`;
    default:
      return `${n}次`;
  }
}

/** Points rounded to one decimal, without a trailing ".0": 2, 2.5. */
export function formatPoints(points: number): string {
  return String(roundPoints(points));
}

export function roundPoints(points: number): number {
  return Math.round(points * 10 + Number.EPSILON) / 10;
}
