import { chinaToday } from '@govhall/calendar';
import type { CaseEvent } from '../../domain/clocks/case-event';
import type { SignalStore, StoredMatter } from '../clocks.ports';
import type { ViolationStore } from '../violations/violation.ports';
import type { DirtyDays } from './evaluation.ports';

/*
 * The KPI projection learns which days to recount from the writes of supervision's own read side: a case event
 * applied to a matter (its day of acceptance and of its end), a signal raised (its day), a violation recorded or
 * its state changed (its day). Each mark is an upsert of (tenant, day); the recount happens later, once per day.
 */

/** After case events changed matters: their acceptance and end days are recounted (one write for the batch). */
export function markingCaseEvents(
  apply: (events: readonly CaseEvent[]) => Promise<(StoredMatter | undefined)[]>,
  dirty: DirtyDays,
): (events: readonly CaseEvent[]) => Promise<(StoredMatter | undefined)[]> {
  return async (events) => {
    const results = await apply(events);
    const days = results.flatMap((stored) => {
      if (!stored) return [];
      const { tenant, acceptedDate, endedDate } = stored.matter;
      return [acceptedDate, endedDate].flatMap((day) => (day ? [{ tenant, day }] : []));
    });
    await dirty.markAll(days);
    return results;
  };
}

/** A signal store whose raises mark their day. */
export function markingSignalStore(inner: SignalStore, dirty: DirtyDays): SignalStore {
  return {
    history: (matterIds) => inner.history(matterIds),
    raiseAll: async (signals) => {
      await inner.raiseAll(signals);
      await dirty.markAll(signals.map((s) => ({ tenant: s.tenant, day: chinaToday(s.raisedAt) })));
    },
    clear: (signal, at, reason) => inner.clear(signal, at, reason),
    list: (filter, page) => inner.list(filter, page),
  };
}

/** A violation store whose new records and state changes (a dismissal leaves the count) mark their day. */
export function markingViolationStore(inner: ViolationStore, dirty: DirtyDays): ViolationStore {
  return {
    recordNew: async (violations) => {
      const stored = await inner.recordNew(violations);
      for (const v of stored) await dirty.mark(v.tenant, v.occurredDate);
      return stored;
    },
    get: (id) => inner.get(id),
    list: (filter, offset, limit) => inner.list(filter, offset, limit),
    save: async (next, expectedVersion) => {
      const saved = await inner.save(next, expectedVersion);
      await dirty.mark(saved.tenant, saved.occurredDate);
      return saved;
    },
  };
}
