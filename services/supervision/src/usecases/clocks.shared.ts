import { chinaToday, createWorkingCalendar, type WorkingCalendar } from '@govhall/calendar';
import type { Clock } from '@govhall/clock';
import { computeMatterClock } from '../domain/clocks/compute-matter-clock';
import type { Matter } from '../domain/clocks/matter';
import type { MatterClock } from '../domain/clocks/matter-clock';
import { signalRecipients } from '../domain/signals/recipients';
import { signalChanges, signalCauses } from '../domain/signals/signal-causes';
import { signalId, type Signal } from '../domain/signals/signal';
import { highestLevel } from '../domain/signals/signal-level';
import { defaultThresholds, type SignalThresholds } from '../domain/signals/thresholds';
import type {
  CalendarStore,
  Directory,
  LiveFeed,
  MatterStore,
  SignalStore,
  StoredMatter,
  ThresholdStore,
} from './clocks.ports';

export interface ClockDeps {
  matters: MatterStore;
  signals: SignalStore;
  thresholds: ThresholdStore;
  calendars: CalendarStore;
  directory: Directory;
  live: LiveFeed;
  /** Supervision's "now" (the test-only file clock moves it). */
  clock: Clock;
  /** Called after signal events were written to the outbox (wakes the relay). */
  signalsWritten?: () => void;
}

/** The tenant's working calendar: the national days with the overrides it published. */
export async function tenantCalendar(deps: Pick<ClockDeps, 'calendars'>, tenant: string): Promise<WorkingCalendar> {
  return createWorkingCalendar({ overrides: await deps.calendars.overrides(tenant) });
}

/** The tenant's signal rules, or domain.md's defaults (version 0) while it has set none. */
export async function thresholdsOf(deps: Pick<ClockDeps, 'thresholds'>, tenant: string): Promise<SignalThresholds> {
  return (await deps.thresholds.get(tenant)) ?? defaultThresholds(tenant);
}

/**
 * Computes the matter's clock for today, raises the signals it now calls for and clears those whose cause ended
 * (each with its event in the outbox, told to the recipients of S16), then stores the matter and its clock.
 * Signals are written before the matter: if the process dies in between, the event is handled again and the
 * signals already written are found active, so nothing is raised twice. Publishes the changes to live watchers
 * (the clock only when `publishClock` says it changed in a way worth showing).
 */
export async function evaluateMatter(
  deps: ClockDeps,
  matter: Matter,
  previous: MatterClock | undefined,
): Promise<StoredMatter> {
  const now = deps.clock.now();
  // Three independent reads, one round trip of waiting instead of three (the clock consumer's hot path).
  const [calendar, rules, active] = await Promise.all([
    tenantCalendar(deps, matter.tenant),
    thresholdsOf(deps, matter.tenant),
    deps.signals.active(matter.matterId),
  ]);
  const base = computeMatterClock(matter, calendar, chinaToday(now));
  const { raise, clear } = signalChanges(active, signalCauses(base, rules), base);

  const still: Signal[] = active.filter((a) => !clear.some((c) => c.signal.id === a.id));
  for (const c of clear) {
    const cleared = await deps.signals.clear(c.signal, now, c.reason);
    deps.live.publish({ kind: 'signal_cleared', tenant: matter.tenant, signal: cleared });
  }
  if (raise.length) {
    const [staff, window] = await Promise.all([
      deps.directory.staffOf(matter.tenant),
      matter.windowId ? deps.directory.window(matter.windowId) : Promise.resolve(undefined),
    ]);
    const notified = signalRecipients(matter, staff, window);
    for (const cause of raise) {
      const previousRaises = await deps.signals.countRaised(matter.matterId, cause.rule, cause.stepIndex);
      const signal: Signal = {
        id: signalId(matter.matterId, cause.rule, cause.stepIndex, previousRaises),
        matterId: matter.matterId,
        tenant: matter.tenant,
        level: cause.level,
        rule: cause.rule,
        reason: cause.reason,
        raisedAt: now,
        clearedReason: '',
        caseNumber: matter.caseNumber,
        itemName: matter.itemName,
        department: matter.department,
        windowId: matter.windowId,
        responsible: matter.responsible,
        notified,
        stepIndex: cause.stepIndex,
      };
      await deps.signals.raise(signal);
      still.push(signal);
      deps.live.publish({ kind: 'signal_raised', tenant: matter.tenant, signal });
    }
  }
  if (raise.length || clear.length) deps.signalsWritten?.();
  const clock: MatterClock = { ...base, signal: highestLevel(still.map((s) => s.level)) };
  await deps.matters.save({ matter, clock });
  if (!previous || clockChanged(previous, clock)) deps.live.publish({ kind: 'clock', tenant: matter.tenant, clock });
  return { matter, clock };
}

/** A change a dashboard shows: another event, day, state, signal or count. */
function clockChanged(a: MatterClock, b: MatterClock): boolean {
  return (
    a.lastEventId !== b.lastEventId ||
    a.asOfDate !== b.asOfDate ||
    a.state !== b.state ||
    a.signal !== b.signal ||
    a.promised.remainingWorkingDays !== b.promised.remainingWorkingDays
  );
}
