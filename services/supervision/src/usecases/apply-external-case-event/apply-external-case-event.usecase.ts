import type { ExternalCaseEvent } from '../../domain/external-cases/external-case-event';
import { externalCaseMatterAfter } from '../../domain/external-cases/external-case-matter';
import type { StoredMatter } from '../clocks.ports';
import { evaluateMatter, type ClockDeps } from '../clocks.shared';

/**
 * An event of a case run in a department system (J16, ADR 0052): the case's matter moves on (the same event again
 * changes nothing), its clock is recomputed and its signals raised or cleared as for a hall case (evaluateMatter).
 * Answers the matter as stored, or undefined when the event changed nothing.
 */
export function applyExternalCaseEventUseCase(deps: ClockDeps) {
  return async (event: ExternalCaseEvent): Promise<StoredMatter | undefined> => {
    const previous = await deps.matters.get(event.caseId);
    const next = externalCaseMatterAfter(previous?.matter, event);
    if (!next) return undefined;
    return evaluateMatter(deps, next, previous?.clock);
  };
}

export type ApplyExternalCaseEvent = ReturnType<typeof applyExternalCaseEventUseCase>;
