import type { Logger } from '@govhall/logging';
import type {
  BulletinDetailsSource,
  BulletinRenderer,
  DailyCheckRenderer,
  DailyCheckSource,
  DisplayNameStore,
  DirtyDays,
  KpiDayStore,
  KpiFactsSource,
} from './evaluation.ports';
import { getPublicStatisticsUseCase } from './get-public-statistics/get-public-statistics.usecase';
import { listKpisUseCase } from './list-kpis/list-kpis.usecase';
import { refreshKpisUseCase } from './refresh-kpis/refresh-kpis.usecase';
import type { InspectionStore } from '../inspections/inspection.ports';
import { readKpiFiguresUseCase } from './read-kpi-figures/read-kpi-figures.usecase';
import { recordDisplayNameUseCase } from './record-display-name/record-display-name.usecase';
import { renderDailyCheckUseCase } from './render-daily-check/render-daily-check.usecase';
import { renderMonthlyBulletinUseCase } from './render-monthly-bulletin/render-monthly-bulletin.usecase';

export interface EvaluationDeps {
  dirty: DirtyDays;
  days: KpiDayStore;
  facts: KpiFactsSource;
  details: BulletinDetailsSource;
  renderer: BulletinRenderer;
  inspections: Pick<InspectionStore, 'list'>;
  daily: DailyCheckSource;
  names: DisplayNameStore;
  dailyRenderer: DailyCheckRenderer;
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
    readKpiFigures: readKpiFiguresUseCase({ days: deps.days, refresh: refreshKpis }),
    getPublicStatistics: getPublicStatisticsUseCase({ days: deps.days, refresh: refreshKpis, clock: deps.clock }),
    renderMonthlyBulletin: renderMonthlyBulletinUseCase({
      listKpis,
      details: deps.details,
      renderer: deps.renderer,
      names: deps.names,
      clock: deps.clock,
    }),
    recordDisplayName: recordDisplayNameUseCase({ names: deps.names }),
    renderDailyCheck: renderDailyCheckUseCase({
      inspections: deps.inspections,
      source: deps.daily,
      names: deps.names,
      renderer: deps.dailyRenderer,
      clock: deps.clock,
    }),
  };
}

export type EvaluationUseCases = ReturnType<typeof createEvaluationUseCases>;
