import type { Logger } from '@govhall/logging';
import { kpiDayRows } from '../../../domain/evaluation/kpi-facts';
import type { DirtyDays, KpiDayStore, KpiFactsSource } from '../evaluation.ports';

export interface RefreshKpisDeps {
  dirty: DirtyDays;
  days: KpiDayStore;
  facts: KpiFactsSource;
  logger?: Pick<Logger, 'error'>;
  /** Marks taken per pass. */
  batch?: number;
}

/**
 * Recounts every marked day from its facts and stores its rows, so a redelivered or replayed event, or one day
 * marked twice, gives the same figures. One pass at a time in the process (reads wait for a running pass, then
 * run their own, so an answer includes every change marked before it was asked). Returns the days recounted.
 */
export function refreshKpisUseCase(deps: RefreshKpisDeps) {
  let running: Promise<number> = Promise.resolve(0);
  const pass = async (): Promise<number> => {
    let done = 0;
    for (;;) {
      const marks = await deps.dirty.pending(deps.batch ?? 200);
      if (marks.length === 0) return done;
      for (const mark of marks) {
        try {
          const facts = await deps.facts.dayFacts(mark.tenant, mark.day);
          await deps.days.replaceDay(mark.tenant, mark.day, kpiDayRows(facts));
          await deps.dirty.done(mark);
          done += 1;
        } catch (err) {
          deps.logger?.error({ err, tenant: mark.tenant, day: mark.day }, 'kpi day recount failed');
          return done;
        }
      }
    }
  };
  return (): Promise<number> => {
    running = running.then(pass, pass);
    return running;
  };
}
