import { detectCaseViolations } from '../../../domain/violations/case-violation-detectors';
import { recordDetectedViolations } from '../record-detected-violations';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection: the violations one case event shows are stored once each (their ids come from the case,
 * the kind and the step, so a replayed or redelivered event stores nothing new).
 */
export function recordCaseViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return recordDetectedViolations(detectCaseViolations, deps);
}
