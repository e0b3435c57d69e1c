import { applyCaseEvent } from '../../domain/clocks/apply-case-event';
import type { CaseEvent } from '../../domain/clocks/case-event';
import type { Matter } from '../../domain/clocks/matter';
import type { StoredMatter } from '../clocks.ports';
import { evaluateMatters, type ClockDeps } from '../clocks.shared';

/** Case events applied in order; for each, its matter as stored afterwards, or undefined when it changed nothing. */
export type ApplyCaseEvents = (events: readonly CaseEvent[]) => Promise<(StoredMatter | undefined)[]>;

/**
 * Case events, one or a batch in the order they occurred: each matter moves on (an older or repeated event changes
 * nothing), then every matter that moved has its clock recomputed and its signals raised or cleared once, for its
 * state after the batch (evaluateMatters: the same round trips for one event or a thousand). A matter's clock is a
 * function of the matter and today, so it is the same whether its events came one at a time or together.
 */
export function applyCaseEventsUseCase(deps: ClockDeps): ApplyCaseEvents {
  return async (events) => {
    const ids = [...new Set(events.map((e) => e.facts.caseId))];
    const before = await deps.matters.getAll(ids);
    const current = new Map<string, Matter>([...before].map(([id, s]) => [id, s.matter]));
    const applied = events.map((event) => {
      const next = applyCaseEvent(current.get(event.facts.caseId), event);
      if (next) current.set(event.facts.caseId, next);
      return next !== undefined;
    });
    const moved = ids.filter((id) => events.some((e, i) => applied[i] && e.facts.caseId === id));
    const stored = await evaluateMatters(
      deps,
      moved.map((id) => ({ matter: current.get(id)!, previous: before.get(id)?.clock })),
    );
    const byId = new Map(stored.map((s) => [s.matter.matterId, s]));
    return events.map((e, i) => (applied[i] ? byId.get(e.facts.caseId) : undefined));
  };
}

/** One case event (the batch of one): its matter as stored, or undefined when it was already applied. */
export function applyCaseEventUseCase(deps: ClockDeps) {
  return single(applyCaseEventsUseCase(deps));
}

/** The one-event form of a batch use case. */
export function single(apply: ApplyCaseEvents): (event: CaseEvent) => Promise<StoredMatter | undefined> {
  return async (event) => (await apply([event]))[0];
}
