import { createWorkingCalendar } from '@govhall/calendar';
import type { Clock } from '../ports';
import type { CalendarOverrideRepository, TenantCalendar, TenantCalendars, TenantOverrides } from '../calendar.ports';

export const DEFAULT_CALENDAR_TTL_MS = 60_000;
/** Enough for every tenant a deployment hosts; bounds memory when any region code may be asked about. */
const MAX_TENANTS = 1_000;

interface Entry {
  value: TenantCalendar;
  loadedAt: number;
}

/**
 * Each tenant's working calendar, kept in this process: every deadline question needs it, and it changes a few
 * times a year. This process's own writes replace the entry at once (remember); a write by another replica is
 * picked up when the entry is older than `ttlMs`. Concurrent misses for one tenant share a single read.
 */
export function createTenantCalendars(deps: {
  overrides: CalendarOverrideRepository;
  clock: Clock;
  ttlMs?: number;
}): TenantCalendars {
  const ttlMs = deps.ttlMs ?? DEFAULT_CALENDAR_TTL_MS;
  const entries = new Map<string, Entry>();
  const loading = new Map<string, Promise<TenantCalendar>>();
  const now = () => deps.clock.now().getTime();

  const store = (overrides: TenantOverrides): TenantCalendar => {
    const current = entries.get(overrides.tenant);
    // A read that started before this process's own write must not bring the older state back.
    if (current && current.value.overrides.version > overrides.version) return current.value;
    const value = { overrides, calendar: createWorkingCalendar({ overrides: overrides.overrides }) };
    entries.delete(overrides.tenant); // re-inserted last: the map's order is the order of freshness
    entries.set(overrides.tenant, { value, loadedAt: now() });
    if (entries.size > MAX_TENANTS) entries.delete(entries.keys().next().value!);
    return value;
  };

  return {
    async get(tenant) {
      const hit = entries.get(tenant);
      if (hit && now() - hit.loadedAt < ttlMs) return hit.value;
      const pending = loading.get(tenant);
      if (pending) return pending;
      const load = deps.overrides
        .find(tenant)
        .then(store)
        .finally(() => loading.delete(tenant));
      loading.set(tenant, load);
      return load;
    },
    remember: store,
  };
}
