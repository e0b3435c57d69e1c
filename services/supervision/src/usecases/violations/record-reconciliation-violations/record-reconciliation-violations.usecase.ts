import {
  reconciliationViolations,
  type MismatchFacts,
} from '../../../domain/violations/reconciliation-violation-detectors';
import { AUTOMATIC, openViolation, type Violation } from '../../../domain/violations/violation';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection from the payments service's reconciliation: a fee collected outside the center (P4) and a slip
 * no statement confirmed by the deadline (P3) are violations, stored once (the id is the mismatch's).
 */
export function recordReconciliationViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return async (facts: MismatchFacts): Promise<Violation[]> => {
    const found = reconciliationViolations(facts);
    if (found.length === 0) return [];
    return deps.violations.recordNew(found.map((v) => openViolation(v, AUTOMATIC, deps.clock.now())));
  };
}
