import type { Connection } from '@govhall/mongo';
import { MongoDailyCheckSource } from './adapters/mongo/daily-check.source';
import { pdfDailyCheckRenderer } from './adapters/pdf/daily-check.renderer';
import { pdfBulletinRenderer } from './adapters/pdf/monthly-bulletin.renderer';
import { MongoDisplayNameStore } from './adapters/mongo/display-name.repository';
import type { InspectionStore } from './usecases/inspections/inspection.ports';
import { MongoDirtyDays, MongoKpiDayStore } from './adapters/mongo/kpi-day.repository';
import { MongoKpiFactsSource } from './adapters/mongo/kpi-facts.source';
import { createEvaluationUseCases } from './usecases/evaluation/evaluation.use-cases';

/**
 * Evaluation (KPIs, public statistics, the monthly bulletin): the KPI projection's stores and the use cases. The
 * `dirty` days are marked by the clock, signal and violation writes the composition root wraps (kpi-marking.ts).
 */
export function composeEvaluation(options: {
  connection: Connection;
  clock: { now(): Date };
  dirty: MongoDirtyDays;
  collections: ConstructorParameters<typeof MongoKpiFactsSource>[0];
  inspections: InspectionStore;
}) {
  const days = new MongoKpiDayStore(options.connection);
  const facts = new MongoKpiFactsSource(options.collections);
  // Department and window names from identity (the display-names consumer), printed by the reports.
  const names = new MongoDisplayNameStore(options.connection);
  const useCases = createEvaluationUseCases({
    dirty: options.dirty,
    days,
    facts,
    details: facts,
    renderer: pdfBulletinRenderer(),
    inspections: options.inspections,
    daily: new MongoDailyCheckSource(options.collections),
    names,
    dailyRenderer: pdfDailyCheckRenderer(),
    clock: options.clock,
  });
  return { useCases, names, models: [days.model, options.dirty.model, names.model] };
}
