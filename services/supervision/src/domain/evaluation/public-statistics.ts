import { emptyCounts, ratesOf, type KpiCounts, type KpiFigures } from './kpi';

/** What the public reads of a department, window or the center for a month (S28): volumes and rates, no person. */
export interface PublicStatisticsRow {
  id: string;
  accepted: number;
  completed: number;
  onTime: number;
  onTimeRate?: number;
  ratings: number;
  satisfactionRate?: number;
}

export interface PublicStatistics {
  tenant: string;
  month: string;
  total: PublicStatisticsRow;
  departments: PublicStatisticsRow[];
  windows: PublicStatisticsRow[];
}

/** The public part of a subject's figures (a subject without figures reads as zeros and 无数据). */
export function publicRow(f: Pick<KpiFigures, 'subject'> & { counts?: KpiCounts }): PublicStatisticsRow {
  const counts = f.counts ?? emptyCounts();
  const rates = ratesOf(counts);
  return {
    id: f.subject.id,
    accepted: counts.accepted,
    completed: counts.completed,
    onTime: counts.onTime,
    ...(rates.onTimeRate === undefined ? {} : { onTimeRate: rates.onTimeRate }),
    ratings: counts.ratings,
    ...(rates.satisfactionRate === undefined ? {} : { satisfactionRate: rates.satisfactionRate }),
  };
}
