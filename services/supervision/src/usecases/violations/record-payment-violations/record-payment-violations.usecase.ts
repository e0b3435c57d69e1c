import { paymentMarkedByStaff } from '../../../domain/violations/payment-violation-detectors';
import { recordDetectedViolations } from '../record-detected-violations';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection from the payments service's notices: a refused attempt by staff to mark a notice paid is a
 * violation (payment_marked_by_staff), stored once (its id holds the case and the attempt number).
 */
export function recordPaymentViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return recordDetectedViolations(paymentMarkedByStaff, deps);
}
