import { applyTransition, type CaseTransitionFacts } from '../../../domain/ratings/served-case';
import type { ServedCaseRepository } from '../ports';

/**
 * The case stream's consumer: each transition updates what the ratings know of the case (who served it, when it was
 * completed and so when its default rating is due). A redelivered event changes nothing.
 */
export function recordCaseTransitionUseCase(deps: { served: ServedCaseRepository; defaultRatingDays: number }) {
  return async (facts: CaseTransitionFacts): Promise<void> => {
    const next = applyTransition((await deps.served.find(facts.caseId)) ?? undefined, facts, deps.defaultRatingDays);
    if (next) await deps.served.put(next);
  };
}
