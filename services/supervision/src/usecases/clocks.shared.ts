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

/** Matters evaluated together by the timer and by a calendar recount (a bound on one bulk write). */
export const EVALUATION_CHUNK = 200;

/** A matter to evaluate, with the clock it had before (undefined for a new matter). */
export interface MatterToEvaluate {
  matter: Matter;
  previous: MatterClock | undefined;
}

/**
 * Computes the matter's clock for today, raises the signals it now calls for and clears those whose cause ended
 * (each with its event in the outbox, told to the recipients of S16), then stores the matter and its clock.
 */
export async function evaluateMatter(
  deps: ClockDeps,
  matter: Matter,
  previous: MatterClock | undefined,
): Promise<StoredMatter> {
  const [stored] = await evaluateMatters(deps, [{ matter, previous }]);
  return stored!;
}

/**
 * `evaluateMatter` for many matters at once (a batch of case events, the timer, a calendar recount), with a fixed
 * number of store round trips whatever their count: each tenant's calendar and rules and the matters' signals read
 * together, the signals cleared and raised together, the matters written in one bulk write. Each matter appears
 * once. Signals are written before the matters: if the process dies in between, the events are handled again and
 * the signals already written are found active, so nothing is raised twice. Publishes the changes to live watchers
 * (a clock only when it changed in a way worth showing).
 */
export async function evaluateMatters(deps: ClockDeps, items: readonly MatterToEvaluate[]): Promise<StoredMatter[]> {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.matter.matterId);
  if (new Set(ids).size !== ids.length) throw new Error('evaluateMatters: a matter given twice');
  const now = deps.clock.now();
  const today = chinaToday(now);
  const tenants = [...new Set(items.map((i) => i.matter.tenant))];
  // Independent reads, one round trip of waiting: the tenants' calendars and rules, every matter's signals.
  const [calendars, rules, history] = await Promise.all([
    byTenant(tenants, (t) => tenantCalendar(deps, t)),
    byTenant(tenants, (t) => thresholdsOf(deps, t)),
    deps.signals.history(ids),
  ]);
  const plans = items.map(({ matter, previous }) => {
    const base = computeMatterClock(matter, calendars.get(matter.tenant)!, today);
    const signals = history.get(matter.matterId) ?? [];
    const active = signals.filter((s) => !s.clearedAt);
    const changes = signalChanges(active, signalCauses(base, rules.get(matter.tenant)!), base);
    return { matter, previous, base, signals, active, ...changes };
  });

  const clears = plans.flatMap((p) => p.clear);
  const cleared = await Promise.all(clears.map((c) => deps.signals.clear(c.signal, now, c.reason)));
  const raising = plans.filter((p) => p.raise.length > 0);
  const raised = new Map<string, Signal[]>();
  if (raising.length) {
    const raisingTenants = [...new Set(raising.map((p) => p.matter.tenant))];
    const windowIds = [...new Set(raising.flatMap((p) => (p.matter.windowId ? [p.matter.windowId] : [])))];
    const [staff, windows] = await Promise.all([
      byTenant(raisingTenants, (t) => deps.directory.staffOf(t)),
      byTenant(windowIds, (id) => deps.directory.window(id)),
    ]);
    for (const p of raising) {
      const { matter } = p;
      const notified = signalRecipients(matter, staff.get(matter.tenant) ?? [], windows.get(matter.windowId));
      raised.set(
        matter.matterId,
        p.raise.map((cause) => ({
          id: signalId(matter.matterId, cause.rule, cause.stepIndex, raisesOf(p.signals, cause.rule, cause.stepIndex)),
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
        })),
      );
    }
    await deps.signals.raiseAll([...raised.values()].flat());
  }
  for (const signal of cleared) deps.live.publish({ kind: 'signal_cleared', tenant: signal.tenant, signal });
  for (const signal of [...raised.values()].flat())
    deps.live.publish({ kind: 'signal_raised', tenant: signal.tenant, signal });
  if (clears.length || raising.length) deps.signalsWritten?.();

  const stored = plans.map((p): StoredMatter => {
    const still = [
      ...p.active.filter((a) => !p.clear.some((c) => c.signal.id === a.id)),
      ...(raised.get(p.matter.matterId) ?? []),
    ];
    return { matter: p.matter, clock: { ...p.base, signal: highestLevel(still.map((s) => s.level)) } };
  });
  await deps.matters.saveAll(stored);
  for (const [i, s] of stored.entries()) {
    const previous = plans[i]!.previous;
    if (!previous || clockChanged(previous, s.clock))
      deps.live.publish({ kind: 'clock', tenant: s.matter.tenant, clock: s.clock });
  }
  return stored;
}

/** How many signals of the rule (and step) the matter ever had: the next id's sequence. */
function raisesOf(signals: readonly Signal[], rule: string, stepIndex: number): number {
  return signals.filter((s) => s.rule === rule && s.stepIndex === stepIndex).length;
}

/** One read per key, concurrently, as a map. */
async function byTenant<T>(keys: readonly string[], read: (key: string) => Promise<T>): Promise<Map<string, T>> {
  const values = await Promise.all(keys.map(read));
  return new Map(keys.map((k, i) => [k, values[i]!]));
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
