import type { Connection } from '@govhall/mongo';
import { createViolationUseCases } from './usecases/violations/violation.use-cases';
import { MongoViolationStore } from './adapters/mongo/violation.repository';

/** Violations, inspections and accountability: their stores and use cases (part of the composition root). */
export function composeViolations(options: { connection: Connection; clock: { now(): Date }; afterWrite: () => void }) {
  const violations = new MongoViolationStore(options.connection, options.afterWrite);
  const useCases = createViolationUseCases({ violations, clock: options.clock });
  return {
    useCases,
    models: [violations.model],
    outboxCollections: [violations.model.collection],
  };
}
