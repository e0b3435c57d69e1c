import type { Logger } from '@govhall/logging';
import { kpiDayRows } from '../../../domain/evaluation/kpi-facts';
import type { DirtyDay, DirtyDays, DirtyScope, KpiDayStore, KpiFactsSource } from '../evaluation.ports';

export interface RefreshKpisDeps {
  dirty: DirtyDays;
  days: KpiDayStore;
  facts: KpiFactsSource;
  logger?: Pick<Logger, 'error'>;
  /** Marks read per page of a pass. */
  batch?: number;
}

/**
 * Recounts the marked days (all, or those of a read's scope) from their facts and stores their rows, so a
 * redelivered or replayed event, or one day marked twice, gives the same figures. A pass takes each mark once, in
 * key order, so it ends however fast new marks arrive (a day marked again meanwhile waits for the next pass). Passes
 * run side by side (the timer's over every mark, each read's over its own scope, so a read never waits for the
 * whole backlog), but one day is recounted by one of them at a time. Returns the days recounted.
 */
export function refreshKpisUseCase(deps: RefreshKpisDeps) {
  const recounting = new Map<string, Promise<void>>();
  /** One day's recount, after any recount of the same day still running in this process. */
  const recount = (mark: DirtyDay): Promise<void> => {
    const key = `${mark.tenant}|${mark.day}`;
    const run = async () => {
      const facts = await deps.facts.dayFacts(mark.tenant, mark.day);
      await deps.days.replaceDay(mark.tenant, mark.day, kpiDayRows(facts));
      await deps.dirty.done(mark);
    };
    const next = (recounting.get(key) ?? Promise.resolve()).then(run, run);
    recounting.set(key, next);
    const forget = () => {
      if (recounting.get(key) === next) recounting.delete(key);
    };
    next.then(forget, forget);
    return next;
  };
  return async (scope?: DirtyScope): Promise<number> => {
    let done = 0;
    let after = '';
    for (;;) {
      const marks = await deps.dirty.pending(deps.batch ?? 200, after, scope);
      if (marks.length === 0) return done;
      for (const mark of marks) {
        after = `${mark.tenant}|${mark.day}`;
        try {
          await recount(mark);
          done += 1;
        } catch (err) {
          deps.logger?.error({ err, tenant: mark.tenant, day: mark.day }, 'kpi day recount failed');
          return done;
        }
      }
    }
  };
}
