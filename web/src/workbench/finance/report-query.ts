import type { CollectionQuery } from '../../api/types';

export type GroupBy = NonNullable<CollectionQuery['groupBy']>;

/** 收费统计's period and grouping as chosen. */
export interface ReportValues {
  from?: string;
  to?: string;
  groupBy?: GroupBy;
}

/** The report's query; the service judges the period (to before from, longer than 366 days: refused at `to`). */
export function reportQuery(v: ReportValues): { from: string; to: string; groupBy: GroupBy } {
  return { from: v.from ?? '', to: v.to ?? '', groupBy: v.groupBy ?? 'department' };
}

/** The CSV export's address: the same query. */
export function csvUrl(v: ReportValues): string {
  return `/api/v1/payments/reports/collections.csv?${new URLSearchParams(reportQuery(v)).toString()}`;
}
