import { reconciliationViolations } from '../../../domain/violations/reconciliation-violation-detectors';
import { recordDetectedViolations } from '../record-detected-violations';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection from the payments service's reconciliation: a fee collected outside the center (P4) and a slip
 * no statement confirmed by the deadline (P3) are violations, stored once (the id is the mismatch's).
 */
export function recordReconciliationViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return recordDetectedViolations(reconciliationViolations, deps);
}
