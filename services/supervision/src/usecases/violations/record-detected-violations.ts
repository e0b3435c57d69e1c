import { AUTOMATIC, openViolation, type NewViolation, type Violation } from '../../domain/violations/violation';
import type { Clock, ViolationStore } from './violation.ports';

/**
 * The shape of every automatic detection: the violations a detector finds in one event's facts are stored once
 * each (their ids come from the event's subject, so a replayed or redelivered event stores nothing new).
 */
export function recordDetectedViolations<F>(
  detect: (facts: F) => NewViolation[],
  deps: { violations: ViolationStore; clock: Clock },
): (facts: F) => Promise<Violation[]> {
  return async (facts) => {
    const found = detect(facts);
    if (found.length === 0) return [];
    const now = deps.clock.now();
    return deps.violations.recordNew(found.map((v) => openViolation(v, AUTOMATIC, now)));
  };
}
