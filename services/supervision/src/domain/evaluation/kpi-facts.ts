import type { Matter } from '../clocks/matter';
import type { MatterClock } from '../clocks/matter-clock';
import type { SignalLevel } from '../signals/signal-level';
import { emptyCounts, type KpiCounts, type KpiSubject } from './kpi';

/** The statuses that end a case without handling it: not counted as completed. */
const NOT_HANDLED: readonly string[] = ['not_accepted', 'voided', 'withdrawn'];

/** Where a fact belongs: its tenant, department, window and person (each empty when unknown). */
export interface Attribution {
  tenant: string;
  department: string;
  windowId: string;
  person: string;
}

/** What one day of a tenant consists of, read from supervision's own stores. */
export interface KpiDayFacts {
  tenant: string;
  day: string;
  /** Matters accepted on the day. */
  accepted: { matter: Matter }[];
  /** Matters that ended on the day, with their (stopped) clocks. */
  ended: { matter: Matter; clock: MatterClock }[];
  /** Signals raised on the day (China time). */
  signals: (Attribution & { level: SignalLevel })[];
  /** Violations that happened on the day, dismissed ones excluded. */
  violations: Attribution[];
}

/** One subject's counts for one day. */
export interface KpiDayRow {
  subject: KpiSubject;
  day: string;
  counts: KpiCounts;
}

/**
 * Where a matter's acceptance and completion count: its tenant, department and window, and the clerk who accepted
 * it (受理人, ADR 0051) — not the person responsible as the last event names it (a completed case names none).
 */
export const attributionOf = (m: Matter): Attribution => ({
  tenant: m.tenant,
  department: m.department,
  windowId: m.windowId,
  person: m.acceptedBy,
});

/** The subjects a fact counts for: the tenant, and its department, window and person when known. */
export function subjectsOf(a: Attribution): KpiSubject[] {
  const subjects: KpiSubject[] = [{ level: 'tenant', id: a.tenant, tenant: a.tenant }];
  if (a.department) subjects.push({ level: 'department', id: a.department, tenant: a.tenant });
  if (a.windowId) subjects.push({ level: 'window', id: a.windowId, tenant: a.tenant });
  if (a.person) subjects.push({ level: 'person', id: a.person, tenant: a.tenant });
  return subjects;
}

/**
 * Whether a matter counts as a case accepted and completed: a joint review's leg (ADR 0052) is a department's part of
 * a case already counted, so it adds no acceptance or completion (its signals still count for its department).
 */
export function isCaseWork(m: Pick<Matter, 'kind'>): boolean {
  return m.kind !== 'joint_review_leg';
}

/** Whether an ended matter counts as completed (办结): it was handled, not refused, voided or withdrawn. */
export function isCompleted(m: Matter): boolean {
  return m.endedDate !== '' && m.acceptedDate !== '' && !NOT_HANDLED.includes(m.status);
}

/** An ended matter's contribution to the counts (imported matters count like the others: S31). */
export function completionCounts(m: Matter, c: MatterClock): KpiCounts {
  const counts = emptyCounts();
  counts.completed = 1;
  counts.onTime = c.onTime ? 1 : 0;
  counts.early = c.promised.startDate !== '' && c.promised.remainingWorkingDays >= 1 ? 1 : 0;
  counts.workingDaysUsed = c.promised.elapsedWorkingDays;
  counts.promisedWorkingDays = m.promisedLimitWorkingDays;
  counts.statutoryWorkingDays = m.statutoryLimitWorkingDays;
  counts.immediate =
    m.promisedLimitWorkingDays === 0 || (m.decidedDate !== '' && m.decidedDate === m.receivedDate) ? 1 : 0;
  counts.online = m.channel === 'online' ? 1 : 0;
  return counts;
}

/**
 * The counts of every subject for one day of a tenant, recomputed from the facts (so a replay or a second
 * delivery gives the same rows). Subjects without any fact that day get no row.
 */
export function kpiDayRows(facts: KpiDayFacts): KpiDayRow[] {
  const rows = new Map<string, KpiDayRow>();
  const add = (a: Attribution, change: (c: KpiCounts) => void) => {
    for (const subject of subjectsOf(a)) {
      const key = `${subject.level}|${subject.id}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { subject, day: facts.day, counts: emptyCounts() }));
      change(row.counts);
    }
  };
  for (const { matter } of facts.accepted) {
    if (isCaseWork(matter)) add(attributionOf(matter), (c) => (c.accepted += 1));
  }
  for (const { matter, clock } of facts.ended) {
    if (!isCaseWork(matter) || !isCompleted(matter)) continue;
    const more = completionCounts(matter, clock);
    add(attributionOf(matter), (c) => {
      for (const k of Object.keys(more) as (keyof KpiCounts)[]) c[k] += more[k];
    });
  }
  for (const s of facts.signals) {
    add(s, (c) => {
      if (s.level === 'warning') c.warnings += 1;
      else if (s.level === 'yellow') c.yellowCards += 1;
      else if (s.level === 'red') c.redCards += 1;
    });
  }
  for (const v of facts.violations) add(v, (c) => (c.violations += 1));
  return [...rows.values()];
}
