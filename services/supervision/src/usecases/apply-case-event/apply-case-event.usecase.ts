import { applyCaseEvent } from '../../domain/clocks/apply-case-event';
import type { CaseEvent } from '../../domain/clocks/case-event';
import type { StoredMatter } from '../clocks.ports';
import { evaluateMatter, type ClockDeps } from '../clocks.shared';

/**
 * One case event: the matter moves on (an older or repeated event changes nothing), its clock is recomputed and
 * its signals raised or cleared. Undefined when the event was already applied.
 */
export function applyCaseEventUseCase(deps: ClockDeps) {
  return async (event: CaseEvent): Promise<StoredMatter | undefined> => {
    const stored = await deps.matters.get(event.facts.caseId);
    const matter = applyCaseEvent(stored?.matter, event);
    if (!matter) return undefined;
    return evaluateMatter(deps, matter, stored?.clock);
  };
}
