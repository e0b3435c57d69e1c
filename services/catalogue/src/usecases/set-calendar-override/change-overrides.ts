import type { Authorizer, Principal } from '@govhall/auth';
import type { CalendarOverride } from '@govhall/calendar';
import { ConcurrencyError, type Violation } from '@govhall/errors';
import type {
  CalendarChangedEvent,
  CalendarOverrideRepository,
  TenantCalendar,
  TenantCalendars,
  TenantOverrides,
} from '../calendar.ports';
import type { Clock } from '../ports';

// What setting and removing an override share: who may, which dates, and the versioned write.

/** Calendar overrides are written by the center administrators of the tenant itself (ForbiddenError otherwise). */
export function ensureCalendarWrite(authorizer: Authorizer, actor: Principal, tenant: string): void {
  authorizer.ensure(actor, 'write', { type: 'calendar', id: tenant, tenant }, { roles: ['center_admin'] });
}

/**
 * A past day is never changed: deadlines already counted over it would move. `today` is the date in China.
 * Setting also stops at the end of the year after next, which bounds the stored document.
 */
export function changeableDateViolations(
  path: string,
  date: string,
  today: string,
  action: 'set' | 'remove',
): Violation[] {
  if (date < today) {
    const what = action === 'set' ? '设置' : '取消';
    return [
      {
        path,
        reason: 'DATE_IN_PAST',
        message: `${date} 已经过去（今天是 ${today}），不能${what}其本地调整：已计算的期限会因此改变`,
      },
    ];
  }
  const lastYear = Number(today.slice(0, 4)) + 2;
  if (action === 'set' && Number(date.slice(0, 4)) > lastYear) {
    return [{ path, reason: 'TOO_FAR_AHEAD', message: `本地调整最远只能设置到 ${lastYear} 年 12 月 31 日` }];
  }
  return [];
}

export interface OverrideChange {
  /** The tenant's overrides after the change. */
  overrides: CalendarOverride[];
  /** The override set, or the one removed. */
  override: CalendarOverride;
  set: boolean;
}

interface WriteDeps {
  overrides: CalendarOverrideRepository;
  calendars: TenantCalendars;
  clock: Clock;
}

/** Another replica writing the same tenant's overrides at the same moment is rare: a few fresh tries suffice. */
const ATTEMPTS = 5;

/** This process's writes of one tenant's overrides run one after another instead of colliding. */
const writing = new Map<string, Promise<unknown>>();

function oneAtATime<T>(tenant: string, work: () => Promise<T>): Promise<T> {
  const current = (writing.get(tenant) ?? Promise.resolve()).then(work, work);
  const tail = current.then(
    () => undefined,
    () => undefined,
  );
  writing.set(tenant, tail);
  void tail.then(() => {
    if (writing.get(tenant) === tail) writing.delete(tenant);
  });
  return current;
}

/**
 * Read-modify-write of a tenant's overrides: `change` gets the stored state and returns the change, or undefined
 * when there is nothing to change (no write, no event). When another replica wrote first, the change is worked
 * out again on fresh data. Returns the tenant's calendar after it, which this process uses from now on.
 */
export function changeOverrides(
  deps: WriteDeps,
  tenant: string,
  actor: Principal,
  change: (current: TenantOverrides) => OverrideChange | undefined,
): Promise<TenantCalendar> {
  return oneAtATime(tenant, () => writeWithRetries(deps, tenant, actor, change));
}

async function writeWithRetries(
  deps: WriteDeps,
  tenant: string,
  actor: Principal,
  change: (current: TenantOverrides) => OverrideChange | undefined,
): Promise<TenantCalendar> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await deps.overrides.find(tenant);
    const wanted = change(current);
    if (!wanted) return deps.calendars.remember(current);
    const now = deps.clock.now();
    const next: TenantOverrides = {
      tenant,
      overrides: [...wanted.overrides].sort((a, b) => a.date.localeCompare(b.date)),
      version: current.version + 1,
      updatedAt: now,
    };
    const event: CalendarChangedEvent = {
      type: 'CalendarChanged',
      tenant,
      override: wanted.override,
      set: wanted.set,
      version: next.version,
      occurredAt: now,
    };
    try {
      await deps.overrides.save(next, [event], current.version, actor);
      return deps.calendars.remember(next);
    } catch (e) {
      if (!(e instanceof ConcurrencyError) || attempt >= ATTEMPTS) throw e;
    }
  }
}
