import type { CaseEventFacts } from '../../../domain/violations/case-event-facts';
import { detectCaseViolations } from '../../../domain/violations/case-violation-detectors';
import { AUTOMATIC, openViolation, type Violation } from '../../../domain/violations/violation';
import type { Clock, ViolationStore } from '../violation.ports';

/**
 * Automatic detection: the violations one case event shows are stored once each (their ids come from the case,
 * the kind and the step, so a replayed or redelivered event stores nothing new).
 */
export function recordCaseViolationsUseCase(deps: { violations: ViolationStore; clock: Clock }) {
  return async (facts: CaseEventFacts): Promise<Violation[]> => {
    const found = detectCaseViolations(facts);
    if (found.length === 0) return [];
    const now = deps.clock.now();
    return deps.violations.recordNew(found.map((v) => openViolation(v, AUTOMATIC, now)));
  };
}
