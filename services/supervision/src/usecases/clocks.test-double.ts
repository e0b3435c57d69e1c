import type { Principal } from '@govhall/auth';
import type { CalendarOverride } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import type { MatterClock } from '../domain/clocks/matter-clock';
import type { StaffEntry, WindowEntry } from '../domain/signals/recipients';
import type { Signal } from '../domain/signals/signal';
import { atLeast } from '../domain/signals/signal-level';
import type { SignalThresholds } from '../domain/signals/thresholds';
import type { ClockFilter, LiveFeed, LiveUpdate, StoredMatter } from './clocks.ports';
import type { ClockDeps } from './clocks.shared';

const covers = (f: { tenant: string; includeSubordinates: boolean }, tenant: string) =>
  f.includeSubordinates ? tenant.startsWith(f.tenant.replace(/(00)+$/, '')) : tenant === f.tenant;

/** In-memory ports of the clock use cases, with a clock the test moves. */
export function inMemoryClockDeps(start: string) {
  const matters = new Map<string, StoredMatter>();
  const signals = new Map<string, Signal>();
  const thresholds = new Map<string, SignalThresholds>();
  const overrides = new Map<string, CalendarOverride[]>();
  const staff = new Map<string, StaffEntry>();
  const windows = new Map<string, WindowEntry>();
  const listeners = new Set<(u: LiveUpdate) => void>();
  const live: LiveFeed = {
    publish: (u) => listeners.forEach((l) => l(u)),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const published: LiveUpdate[] = [];
  live.subscribe((u) => published.push(u));
  let now = new Date(start);
  const deps: ClockDeps = {
    matters: {
      get: async (id) => structuredClone(matters.get(id)),
      getAll: async (ids) =>
        new Map(ids.flatMap((id) => (matters.has(id) ? [[id, structuredClone(matters.get(id)!)] as const] : []))),
      save: async (s) => void matters.set(s.matter.matterId, structuredClone(s)),
      saveAll: async (list) => list.forEach((s) => matters.set(s.matter.matterId, structuredClone(s))),
      listOpen: async (tenant) =>
        [...matters.values()].filter((s) => s.clock.state !== 'stopped' && (!tenant || s.matter.tenant === tenant)),
      listByTenant: async (tenant) => [...matters.values()].filter((s) => s.matter.tenant === tenant),
      query: async (f: ClockFilter, page) =>
        [...matters.values()]
          .map((s) => s.clock)
          .filter(
            (c: MatterClock) =>
              covers(f, c.tenant) && (!f.openOnly || c.state !== 'stopped') && atLeast(c.signal, f.minSignal),
          )
          .slice(page.offset, page.offset + page.limit),
      hallRows: async (f, date) => {
        const clocks = [...matters.values()].map((s) => s.clock).filter((c) => covers(f, c.tenant));
        return {
          received: clocks.filter((c) => c.receivedDate === date),
          accepted: clocks.filter((c) => c.acceptedDate === date),
          completed: clocks.filter((c) => c.endedDate === date).map((c) => ({ kind: c.kind, onTime: c.onTime })),
          open: clocks
            .filter((c) => c.state !== 'stopped')
            .map((c) => ({
              kind: c.kind,
              windowId: c.windowId,
              signal: c.signal,
              overdue: c.promised.remainingWorkingDays < 0,
            })),
        };
      },
    },
    signals: {
      history: async (ids) =>
        new Map(ids.map((id) => [id, [...signals.values()].filter((s) => s.matterId === id).map((s) => ({ ...s }))])),
      raiseAll: async (list) => {
        for (const s of list) {
          if (signals.has(s.id)) throw new Error(`duplicate signal ${s.id}`);
          signals.set(s.id, { ...s });
        }
      },
      clear: async (s, at, reason) => {
        const cleared = { ...s, clearedAt: at, clearedReason: reason };
        signals.set(s.id, cleared);
        return cleared;
      },
      list: async (f, page) =>
        [...signals.values()]
          .filter(
            (s) => covers(f, s.tenant) && (!f.matterId || s.matterId === f.matterId) && (!f.activeOnly || !s.clearedAt),
          )
          .slice(page.offset, page.offset + page.limit),
    },
    thresholds: {
      get: async (tenant) => thresholds.get(tenant),
      save: async (t, expected) => {
        if ((thresholds.get(t.tenant)?.version ?? 0) !== expected) throw new ConcurrencyError();
        const saved = { ...t, version: expected + 1 };
        thresholds.set(t.tenant, saved);
        return saved;
      },
    },
    calendars: {
      overrides: async (tenant) => overrides.get(tenant) ?? [],
      set: async (tenant, o, present) => {
        const kept = (overrides.get(tenant) ?? []).filter((x) => x.date !== o.date);
        overrides.set(tenant, present ? [...kept, o] : kept);
      },
    },
    directory: {
      staffOf: async (tenant) => [...staff.values()].filter((s) => s.tenant === tenant),
      window: async (id) => windows.get(id),
      putStaff: async (s) => void staff.set(s.id, s),
      putWindow: async (w) => void windows.set(w.id, w),
    },
    live,
    clock: { now: () => now },
  };
  return {
    deps,
    matters,
    signals,
    thresholds,
    published,
    /** Supervision's "now": noon in China of `day`. */
    setDay: (day: string) => {
      now = new Date(`${day}T04:00:00Z`);
    },
  };
}

/** A signed-in person of `tenant` with `roles`, as the use cases receive them. */
export const principal = (roles: Principal['roles'], tenant = '620321'): Principal => ({
  kind: 'user',
  subject: 's',
  username: 'u',
  tenant,
  roles,
  clientId: 'c',
});
