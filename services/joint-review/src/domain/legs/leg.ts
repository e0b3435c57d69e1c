/**
 * Legs (ADR 0052): every stretch of work handed to one party with a budget of its own — a co-department's review,
 * an escalation's forwarding and handling, a delegated case's transfer, department and reply — clocked by
 * supervision next to the case's clock. A leg starts, may pause and resume, and finishes exactly once.
 */
export type LegKind =
  | 'co_review'
  | 'escalation_forward'
  | 'escalation_handling'
  | 'delegated_transfer'
  | 'delegated_department'
  | 'delegated_reply';

export type LegState = 'running' | 'paused' | 'finished';
export type LegEnd = 'completed' | 'cancelled';
export type PauseReason = 'case_suspended' | 'special_procedure' | 'waiting_for_sender';

export interface LegPause {
  reason: PauseReason;
  procedure: string;
  note: string;
  plannedWorkingDays: number;
  startedAt: Date;
  endedAt?: Date;
  pausedWorkingDays: number;
}

/** What a leg is about: the case it clocks, copied on every leg so supervision never asks back. */
export interface LegSubject {
  tenant: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  casePromisedDueDate: string;
}

export interface Leg extends LegSubject {
  /** "<aggregate id>:<kind>:<n>". */
  id: string;
  kind: LegKind;
  department: string;
  windowId: string;
  aggregateId: string;
  taskId: string;
  responsible: string;
  budgetWorkingDays: number;
  /** YYYY-MM-DD the count starts after (the day the leg started). */
  startDate: string;
  /** YYYY-MM-DD by which the leg should finish. */
  dueDate: string;
  state: LegState;
  startedAt: Date;
  startedBy: string;
  finishedAt?: Date;
  finishedBy?: string;
  end?: LegEnd;
  pauses: LegPause[];
  counterpartTenant: string;
}

/** The days a leg's due date is counted with: the tenant's working calendar, provisional past the published years. */
export interface LegCalendar {
  /** The n-th working day after `start` (YYYY-MM-DD). */
  addWorkingDays(start: string, n: number): string;
  /** The calendar day in China of an instant (YYYY-MM-DD). */
  dayOf(instant: Date): string;
  /** Working days in (from, to] (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number;
}

export interface StartLegInput {
  subject: LegSubject;
  kind: LegKind;
  aggregateId: string;
  /** Legs of the same kind already on the aggregate: the new leg's number is one more. */
  sequence: number;
  department: string;
  windowId?: string;
  taskId?: string;
  responsible?: string;
  budgetWorkingDays: number;
  counterpartTenant?: string;
  at: Date;
  by: string;
}

export function legId(aggregateId: string, kind: LegKind, sequence: number): string {
  return `${aggregateId}:${kind}:${sequence}`;
}

export function startLeg(input: StartLegInput, calendar: LegCalendar): Leg {
  const startDate = calendar.dayOf(input.at);
  return {
    ...input.subject,
    id: legId(input.aggregateId, input.kind, input.sequence),
    kind: input.kind,
    department: input.department,
    windowId: input.windowId ?? '',
    aggregateId: input.aggregateId,
    taskId: input.taskId ?? '',
    responsible: input.responsible ?? '',
    budgetWorkingDays: input.budgetWorkingDays,
    startDate,
    dueDate: calendar.addWorkingDays(startDate, input.budgetWorkingDays),
    state: 'running',
    startedAt: input.at,
    startedBy: input.by,
    pauses: [],
    counterpartTenant: input.counterpartTenant ?? '',
  };
}

/** Ends a running or paused leg (an open pause ends with it); a finished leg is returned unchanged. */
export function finishLeg(leg: Leg, end: LegEnd, at: Date, by: string): Leg {
  if (leg.state === 'finished') return leg;
  const pauses = leg.pauses.map((p) => (p.endedAt ? p : { ...p, endedAt: at }));
  return { ...leg, pauses, state: 'finished', end, finishedAt: at, finishedBy: by };
}

/** Who is responsible now: the responsible person changes, the clock does not. */
export function handLeg(leg: Leg, responsible: string): Leg {
  return leg.state === 'finished' ? leg : { ...leg, responsible };
}

/** Stops a running leg's clock (a paused or finished leg is returned unchanged). */
export function pauseLeg(
  leg: Leg,
  pause: Pick<LegPause, 'reason' | 'procedure' | 'note' | 'plannedWorkingDays'>,
  at: Date,
): Leg {
  if (leg.state !== 'running') return leg;
  return { ...leg, state: 'paused', pauses: [...leg.pauses, { ...pause, startedAt: at, pausedWorkingDays: 0 }] };
}

/**
 * Restarts a paused leg's clock: the open pause ends, counting the working days it stood still, and the due date
 * moves by them (a running or finished leg is returned unchanged).
 */
export function resumeLeg(leg: Leg, at: Date, calendar: LegCalendar): Leg {
  const open = leg.pauses.at(-1);
  if (leg.state !== 'paused' || !open || open.endedAt) return leg;
  const paused = calendar.workingDaysBetween(calendar.dayOf(open.startedAt), calendar.dayOf(at));
  const closed: LegPause = { ...open, endedAt: at, pausedWorkingDays: paused };
  return {
    ...leg,
    state: 'running',
    pauses: [...leg.pauses.slice(0, -1), closed],
    dueDate: calendar.addWorkingDays(leg.dueDate, paused),
  };
}
