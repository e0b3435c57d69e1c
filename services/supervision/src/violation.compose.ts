import type { Connection } from '@govhall/mongo';
import { MongoAccountabilityStore } from './adapters/mongo/accountability.repository';
import {
  MongoInspectionChecklists,
  MongoInspectionPhotoStore,
  MongoInspectionStore,
} from './adapters/mongo/inspection.repository';
import { MongoViolationStore } from './adapters/mongo/violation.repository';
import { expireInspectionPhotosUseCase } from './usecases/inspections/expire-inspection-photos/expire-inspection-photos.usecase';
import { createViolationUseCases } from './usecases/violations/violation.use-cases';
import type { ViolationStore } from './usecases/violations/violation.ports';

/** Violations, inspections and accountability: their stores and use cases (part of the composition root). */
export function composeViolations(options: {
  connection: Connection;
  clock: { now(): Date };
  afterWrite: () => void;
  photoRetentionDays?: number;
  /** Wraps the violation store the use cases write through (the KPI projection's day marks). */
  wrap?: (store: ViolationStore) => ViolationStore;
}) {
  const violations = new MongoViolationStore(options.connection, options.afterWrite);
  const inspections = new MongoInspectionStore(options.connection);
  const photos = new MongoInspectionPhotoStore(options.connection);
  const checklists = new MongoInspectionChecklists(options.connection);
  const accountabilities = new MongoAccountabilityStore(options.connection, options.afterWrite);
  const useCases = createViolationUseCases({
    violations: options.wrap ? options.wrap(violations) : violations,
    inspections,
    photos,
    checklists,
    accountabilities,
    clock: options.clock,
  });
  return {
    useCases,
    expireInspectionPhotos: expireInspectionPhotosUseCase({
      photos,
      retentionDays: options.photoRetentionDays ?? 1095,
    }),
    /** Read by the KPI projection's recount (violations of a day). */
    violationCollection: violations.model.collection,
    /** Read by the daily check (the day's inspections). */
    inspectionStore: inspections,
    models: [violations.model, inspections.model, photos.model, checklists.model, accountabilities.model],
    outboxCollections: [violations.model.collection, accountabilities.model.collection],
  };
}
