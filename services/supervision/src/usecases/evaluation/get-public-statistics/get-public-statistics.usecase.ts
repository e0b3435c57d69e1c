import { chinaToday } from '@govhall/calendar';
import type { Violation } from '@govhall/errors';
import type { KpiFigures, KpiSubjectLevel } from '../../../domain/evaluation/kpi';
import { periodRange } from '../../../domain/evaluation/kpi-period';
import { sumIntoPeriods } from '../../../domain/evaluation/kpi-roll-up';
import { publicRow, type PublicStatistics } from '../../../domain/evaluation/public-statistics';
import { checkMonth, throwIfAny } from '../evaluation.access';
import type { DirtyScope, KpiDayStore } from '../evaluation.ports';

const TENANT = /^\d{6}$/;

export interface PublicStatisticsQuery {
  tenant: string;
  month: string;
}

/**
 * The published statistics of a tenant's month (S28): the center's total and each department's and window's
 * volumes, on-time rate and satisfaction. Anyone may read them: they name no person and no applicant.
 */
export function getPublicStatisticsUseCase(deps: {
  days: Pick<KpiDayStore, 'query'>;
  refresh: (scope: DirtyScope) => Promise<unknown>;
  clock: { now(): Date };
}) {
  return async (q: PublicStatisticsQuery): Promise<PublicStatistics> => {
    const violations: Violation[] = [];
    if (!TENANT.test(q.tenant)) {
      violations.push({ path: 'tenant', reason: q.tenant ? 'PATTERN' : 'REQUIRED', message: '地区代码应为6位数字' });
    }
    checkMonth(q.month, chinaToday(deps.clock.now()).slice(0, 7), violations);
    throwIfAny(violations);

    const { firstDay, lastDay } = periodRange({ kind: 'month', key: q.month })!;
    await deps.refresh({ tenant: q.tenant, includeSubordinates: false, firstDay, lastDay });
    const month = async (level: KpiSubjectLevel): Promise<KpiFigures[]> =>
      sumIntoPeriods(
        await deps.days.query({
          tenant: q.tenant,
          includeSubordinates: false,
          level,
          subjectId: '',
          firstDay,
          lastDay,
        }),
        'month',
      );
    const [total, departments, windows] = await Promise.all([month('tenant'), month('department'), month('window')]);
    return {
      tenant: q.tenant,
      month: q.month,
      total: publicRow(total[0] ?? { subject: { level: 'tenant', id: q.tenant, tenant: q.tenant } }),
      departments: departments.map(publicRow),
      windows: windows.map(publicRow),
    };
  };
}
