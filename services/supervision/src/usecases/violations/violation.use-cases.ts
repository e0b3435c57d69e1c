import { dismissViolationUseCase } from './dismiss-violation/dismiss-violation.usecase';
import { getViolationUseCase } from './get-violation/get-violation.usecase';
import { listViolationsUseCase } from './list-violations/list-violations.usecase';
import { recordCaseViolationsUseCase } from './record-case-violations/record-case-violations.usecase';
import type { Clock, ViolationStore } from './violation.ports';

export interface ViolationDeps {
  violations: ViolationStore;
  clock: Clock;
}

/** The violation, inspection and accountability use cases, built once from their ports. */
export function createViolationUseCases(deps: ViolationDeps) {
  return {
    recordCaseViolations: recordCaseViolationsUseCase(deps),
    listViolations: listViolationsUseCase(deps),
    getViolation: getViolationUseCase(deps),
    dismissViolation: dismissViolationUseCase(deps),
  };
}

export type ViolationUseCases = ReturnType<typeof createViolationUseCases>;
