import type { JointReviewLeg, LegEventMeta } from '../../domain/legs/leg';
import { legMatterAfter } from '../../domain/legs/leg-matter';
import type { StoredMatter } from '../clocks.ports';
import { evaluateMatter, type ClockDeps } from '../clocks.shared';

/** A leg as an event carried it (LegStarted, LegPaused, LegResumed, LegFinished) with the event's id and version. */
export interface LegEvent {
  leg: JointReviewLeg;
  meta: LegEventMeta;
}

/**
 * A joint review's leg event (ADR 0052): the leg's matter moves on (an older or repeated event changes nothing),
 * its clock is recomputed and its signals raised or cleared as for a case (evaluateMatter). Answers the matter as
 * stored, or undefined when the event changed nothing. Idempotent, so its consumer needs no inbox for correctness.
 */
export function applyLegEventUseCase(deps: ClockDeps) {
  return async ({ leg, meta }: LegEvent): Promise<StoredMatter | undefined> => {
    const previous = await deps.matters.get(leg.id);
    const next = legMatterAfter(previous?.matter, leg, meta);
    if (!next) return undefined;
    return evaluateMatter(deps, next, previous?.clock);
  };
}

export type ApplyLegEvent = ReturnType<typeof applyLegEventUseCase>;
