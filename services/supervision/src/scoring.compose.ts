import type { Connection } from '@govhall/mongo';
import { pdfAssessmentRenderer } from './adapters/pdf/quarterly-assessment.pdf';
import { InterimMatterKpiSource } from './adapters/mongo/interim-kpi.source';
import { MongoConductSource } from './adapters/mongo/scoring-conduct.source';
import { MongoScoringStandardStore } from './adapters/mongo/scoring-standard.repository';
import { MongoWindowStaffSource } from './adapters/mongo/window-staff.source';
import { createScoringUseCases } from './usecases/scoring/scoring.use-cases';

/** The scoring standard, scores and annual grades: their stores, sources and use cases (part of the composition root). */
export function composeScoring(options: { connection: Connection; clock: { now(): Date } }) {
  const standards = new MongoScoringStandardStore(options.connection);
  const useCases = createScoringUseCases({
    standards,
    kpis: new InterimMatterKpiSource(options.connection),
    conduct: new MongoConductSource(options.connection),
    windowStaff: new MongoWindowStaffSource(options.connection),
    renderer: pdfAssessmentRenderer(),
    clock: options.clock,
  });
  return { useCases, models: [standards.model] };
}
