import { rectificationLate } from '../../../domain/violations/rectification-violation-detectors';
import { recordDetectedViolations } from '../record-detected-violations';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection from the complaints service's rectifications (差评整改): one past its deadline and not closed
 * is a violation of the rated department (rectification_late), stored once (its id holds the rectification's).
 */
export function recordRectificationViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return recordDetectedViolations(rectificationLate, deps);
}
