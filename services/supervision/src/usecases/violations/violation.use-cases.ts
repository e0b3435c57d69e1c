import type { AccountabilityStore } from '../accountability/accountability.ports';
import { decideAccountabilityUseCase } from '../accountability/decide-accountability/decide-accountability.usecase';
import { listAccountabilitiesUseCase } from '../accountability/list-accountabilities/list-accountabilities.usecase';
import { proposeAccountabilityUseCase } from '../accountability/propose-accountability/propose-accountability.usecase';
import { syncAccountabilityViolationsUseCase } from '../accountability/sync-accountability-violations/sync-accountability-violations.usecase';
import { getInspectionPhotoUseCase } from '../inspections/get-inspection-photo/get-inspection-photo.usecase';
import type { InspectionChecklists, InspectionPhotoStore, InspectionStore } from '../inspections/inspection.ports';
import { listInspectionsUseCase } from '../inspections/list-inspections/list-inspections.usecase';
import { recordInspectionUseCase } from '../inspections/record-inspection/record-inspection.usecase';
import { uploadInspectionPhotoUseCase } from '../inspections/upload-inspection-photo/upload-inspection-photo.usecase';
import { dismissViolationUseCase } from './dismiss-violation/dismiss-violation.usecase';
import { getViolationUseCase } from './get-violation/get-violation.usecase';
import { listViolationsUseCase } from './list-violations/list-violations.usecase';
import { recordCaseViolationsUseCase } from './record-case-violations/record-case-violations.usecase';
import { recordComplaintViolationsUseCase } from './record-complaint-violations/record-complaint-violations.usecase';
import { recordPaymentViolationsUseCase } from './record-payment-violations/record-payment-violations.usecase';
import { recordReconciliationViolationsUseCase } from './record-reconciliation-violations/record-reconciliation-violations.usecase';
import { recordRectificationViolationsUseCase } from './record-rectification-violations/record-rectification-violations.usecase';
import type { Clock, ViolationStore } from './violation.ports';

export interface ViolationDeps {
  violations: ViolationStore;
  inspections: InspectionStore;
  photos: InspectionPhotoStore;
  checklists: InspectionChecklists;
  accountabilities: AccountabilityStore;
  clock: Clock;
}

/** The violation, inspection and accountability use cases, built once from their ports. */
export function createViolationUseCases(deps: ViolationDeps) {
  const sync = syncAccountabilityViolationsUseCase(deps);
  return {
    recordCaseViolations: recordCaseViolationsUseCase(deps),
    recordPaymentViolations: recordPaymentViolationsUseCase(deps),
    recordReconciliationViolations: recordReconciliationViolationsUseCase(deps),
    recordRectificationViolations: recordRectificationViolationsUseCase(deps),
    recordComplaintViolations: recordComplaintViolationsUseCase(deps),
    listViolations: listViolationsUseCase(deps),
    getViolation: getViolationUseCase(deps),
    dismissViolation: dismissViolationUseCase(deps),
    recordInspection: recordInspectionUseCase(deps),
    listInspections: listInspectionsUseCase(deps),
    uploadInspectionPhoto: uploadInspectionPhotoUseCase(deps),
    getInspectionPhoto: getInspectionPhotoUseCase(deps),
    proposeAccountability: proposeAccountabilityUseCase({ ...deps, sync }),
    decideAccountability: decideAccountabilityUseCase({ ...deps, sync }),
    listAccountabilities: listAccountabilitiesUseCase(deps),
    syncPendingAccountabilities: sync.syncPending,
  };
}

export type ViolationUseCases = ReturnType<typeof createViolationUseCases>;
