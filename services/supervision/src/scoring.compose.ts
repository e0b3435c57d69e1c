import type { Connection } from '@govhall/mongo';
import { pdfAssessmentRenderer } from './adapters/pdf/quarterly-assessment.pdf';
import { ProjectionKpiSource } from './adapters/mongo/projection-kpi.source';
import { MongoConductSource } from './adapters/mongo/scoring-conduct.source';
import { MongoScoringStandardStore } from './adapters/mongo/scoring-standard.repository';
import { MongoWindowStaffSource } from './adapters/mongo/window-staff.source';
import { createScoringUseCases } from './usecases/scoring/scoring.use-cases';
import type { ScoringDeps } from './usecases/scoring/scoring.ports';

/** The scoring standard, scores and annual grades: their stores, sources and use cases (part of the composition root). */
export function composeScoring(options: {
  connection: Connection;
  clock: { now(): Date };
  /** The KPI projection's figures (evaluation's readKpiFigures): scores read what ListKpis answers. */
  readKpis: ConstructorParameters<typeof ProjectionKpiSource>[1];
  /** Department names for the assessment (evaluation's display names). */
  names: ScoringDeps['names'];
}) {
  const standards = new MongoScoringStandardStore(options.connection);
  const useCases = createScoringUseCases({
    standards,
    kpis: new ProjectionKpiSource(options.connection, options.readKpis),
    conduct: new MongoConductSource(options.connection),
    windowStaff: new MongoWindowStaffSource(options.connection),
    renderer: pdfAssessmentRenderer(),
    names: options.names,
    clock: options.clock,
  });
  return { useCases, models: [standards.model] };
}
