import type { Connection } from '@govhall/mongo';
import { pdfBulletinRenderer } from './adapters/pdf/monthly-bulletin.renderer';
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
}) {
  const days = new MongoKpiDayStore(options.connection);
  const facts = new MongoKpiFactsSource(options.collections);
  const useCases = createEvaluationUseCases({
    dirty: options.dirty,
    days,
    facts,
    details: facts,
    renderer: pdfBulletinRenderer(),
    clock: options.clock,
  });
  return { useCases, models: [days.model, options.dirty.model] };
}
