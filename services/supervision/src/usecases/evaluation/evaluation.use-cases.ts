import type { Logger } from '@govhall/logging';
import type {
  BulletinDetailsSource,
  BulletinRenderer,
  DirtyDays,
  KpiDayStore,
  KpiFactsSource,
} from './evaluation.ports';
import { getPublicStatisticsUseCase } from './get-public-statistics/get-public-statistics.usecase';
import { listKpisUseCase } from './list-kpis/list-kpis.usecase';
import { refreshKpisUseCase } from './refresh-kpis/refresh-kpis.usecase';
import { renderMonthlyBulletinUseCase } from './render-monthly-bulletin/render-monthly-bulletin.usecase';

export interface EvaluationDeps {
  dirty: DirtyDays;
  days: KpiDayStore;
  facts: KpiFactsSource;
  details: BulletinDetailsSource;
  renderer: BulletinRenderer;
  clock: { now(): Date };
  logger?: Pick<Logger, 'error'>;
}

/** The evaluation use cases (KPIs, public statistics, the monthly bulletin), built once from their ports. */
export function createEvaluationUseCases(deps: EvaluationDeps) {
  const refreshKpis = refreshKpisUseCase(deps);
  const listKpis = listKpisUseCase({ days: deps.days, refresh: refreshKpis });
  return {
    refreshKpis,
    listKpis,
    getPublicStatistics: getPublicStatisticsUseCase({ days: deps.days, refresh: refreshKpis, clock: deps.clock }),
    renderMonthlyBulletin: renderMonthlyBulletinUseCase({
      listKpis,
      details: deps.details,
      renderer: deps.renderer,
      clock: deps.clock,
    }),
  };
}

export type EvaluationUseCases = ReturnType<typeof createEvaluationUseCases>;
