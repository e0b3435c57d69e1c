import type { KpiFigures, KpiPeriod, KpiSubjectLevel } from '../../../domain/evaluation/kpi';
import { periodRange } from '../../../domain/evaluation/kpi-period';
import { sumIntoPeriods } from '../../../domain/evaluation/kpi-roll-up';
import type { DirtyScope, KpiDayStore } from '../evaluation.ports';

/**
 * One tenant's figures of a level's subjects over one period, exactly as ListKpis sums them (its marked days
 * recounted first), for a caller inside supervision that checked its own access (the scoring). Persons are
 * usernames, as the projection keeps them. An invalid period answers [].
 */
export function readKpiFiguresUseCase(deps: {
  days: Pick<KpiDayStore, 'query'>;
  refresh: (scope: DirtyScope) => Promise<unknown>;
}) {
  return async (tenant: string, level: KpiSubjectLevel, period: KpiPeriod): Promise<KpiFigures[]> => {
    const range = periodRange(period);
    if (!range) return [];
    const selector = { tenant, includeSubordinates: false };
    await deps.refresh({ ...selector, ...range });
    const rows = await deps.days.query({ ...selector, level, subjectId: '', ...range });
    return sumIntoPeriods(rows, period.kind).filter((f) => f.period.key === period.key);
  };
}
