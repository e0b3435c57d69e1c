import { paymentMarkedByStaff, type StaffMarkPaidFacts } from '../../../domain/violations/payment-violation-detectors';
import { AUTOMATIC, openViolation, type Violation } from '../../../domain/violations/violation';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection from the payments service's notices: a refused attempt by staff to mark a notice paid is a
 * violation (payment_marked_by_staff), stored once (its id holds the case and the attempt number).
 */
export function recordPaymentViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return async (facts: StaffMarkPaidFacts): Promise<Violation[]> => {
    const found = paymentMarkedByStaff(facts);
    if (found.length === 0) return [];
    return deps.violations.recordNew(found.map((v) => openViolation(v, AUTOMATIC, deps.clock.now())));
  };
}
