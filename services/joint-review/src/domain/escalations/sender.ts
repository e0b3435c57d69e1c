import { ValidationError, type Violation } from '@govhall/errors';
import { finishLeg, startLeg, type LegCalendar } from '../legs/leg';
import {
  openLeg,
  replaceLeg,
  requireState,
  type EscalatedCase,
  type Escalation,
  type EscalationChange,
  type EscalationEvent,
  type EscalationFile,
  type EscalationState,
  type EscalationUpdate,
  type FollowUp,
  freeText,
} from './escalation';

/*
 * The lower center's side of an escalation (the SENDER record, J3/J4): the case stream opens it when a case is
 * escalated, the window forwards it, the service transfers it, the parent's updates are mirrored on it, and the
 * decision goes to the cases service.
 */

const MAX_NOTE = 2000;
const MAX_CONTACT = 200;

/** What the case stream says of an escalated case (TRANSITION_ESCALATION_REQUESTED). */
export interface EscalatedCaseFacts {
  tenant: string;
  targetTenant: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  itemBasicCode: string;
  department: string;
  windowId: string;
  promisedDueDate: string;
  statutoryDueDate: string;
}

export interface OpenSenderInput {
  id: string;
  facts: EscalatedCaseFacts;
  /** J3: the working days the window has to forward it (the tenant's setting). */
  forwardWorkingDays: number;
  /** Who follows it up: the forwarding department's window lead ('' when none). */
  followUpBy: string;
  at: Date;
}

/**
 * J3: the forwarding leg's budget. The tenant's setting when it names one; 0 (the default) runs the leg until the
 * case's promised due date — at least one working day, so a case already past its promise is still forwarded on a
 * running clock (ADR 0057).
 */
export function forwardBudget(setting: number, startDate: string, promisedDueDate: string, calendar: LegCalendar) {
  if (setting > 0) return setting;
  return Math.max(1, promisedDueDate ? calendar.workingDaysBetween(startDate, promisedDueDate) : 1);
}

function forwardLeg(e: Escalation, setting: number, at: Date, by: string, calendar: LegCalendar) {
  const budget = forwardBudget(setting, calendar.dayOf(at), e.case.promisedDueDate, calendar);
  return startLeg(
    {
      subject: {
        tenant: e.tenant,
        caseId: e.case.caseId,
        caseNumber: e.case.caseNumber,
        itemName: e.case.itemName,
        itemBasicCode: e.case.itemBasicCode,
        casePromisedDueDate: e.case.promisedDueDate,
      },
      kind: 'escalation_forward',
      aggregateId: e.id,
      sequence: e.legs.filter((l) => l.kind === 'escalation_forward').length + 1,
      department: e.department,
      windowId: e.case.sourceWindowId,
      responsible: e.followUpBy,
      budgetWorkingDays: budget,
      counterpartTenant: e.targetTenant,
      at,
      by,
    },
    calendar,
  );
}

/** The case is escalated: the sender record awaits forwarding, its first forwarding leg runs. */
export function openSenderEscalation(input: OpenSenderInput, calendar: LegCalendar): EscalationChange {
  const f = input.facts;
  const base: Escalation = {
    id: input.id,
    side: 'sender',
    tenant: f.tenant,
    sourceTenant: f.tenant,
    targetTenant: f.targetTenant,
    counterpartId: '',
    department: f.department,
    targetDepartment: '',
    state: 'awaiting_forward',
    case: {
      caseId: f.caseId,
      caseNumber: f.caseNumber,
      itemName: f.itemName,
      itemBasicCode: f.itemBasicCode,
      applicant: { kind: '', name: '', idCode: '', legalRepresentative: '', agentName: '', mobile: '', address: '' },
      formData: '',
      materials: [],
      promisedLimitWorkingDays: 0,
      statutoryLimitWorkingDays: 0,
      promisedDueDate: f.promisedDueDate,
      statutoryDueDate: f.statutoryDueDate,
      sourceDepartment: f.department,
      sourceWindowId: f.windowId,
      sourceCenterName: '',
    },
    files: [],
    round: 1,
    legs: [],
    updates: [],
    followUps: [],
    followUpBy: input.followUpBy,
    transferError: '',
    note: '',
    forwardedBy: '',
    forwardedByName: '',
    withdrawnReason: '',
    sourceKey: '',
    lastSequence: 0,
    createdAt: input.at,
    updatedAt: input.at,
    version: 1,
  };
  const leg = forwardLeg(base, input.forwardWorkingDays, input.at, 'system', calendar);
  const escalation = { ...base, legs: [leg] };
  return {
    escalation,
    events: [
      { type: 'EscalationOpened', escalation },
      { type: 'LegStarted', leg },
    ],
  };
}

/** A note of the lower center (multi-line, at most 2 000 characters). */
function note(v: Violation[], path: string, text: string, label: string, required: boolean): string {
  return freeText(v, path, text, { label, min: required ? 1 : 0, max: MAX_NOTE, multiline: true });
}

export interface ForwardInput {
  targetDepartment: string;
  note: string;
  /** The case as the cases service holds it now, and its files (round 1). */
  snapshot: EscalatedCase;
  files: Omit<EscalationFile, 'round' | 'transferred'>[];
  by: string;
  at: Date;
}

/** The window forwards the case (first round): → TRANSFERRING; the service sends it and every file. */
export function forwardEscalation(e: Escalation, input: ForwardInput): EscalationChange {
  requireState(e, ['awaiting_forward']);
  const v: Violation[] = [];
  const forwardNote = note(v, 'note', input.note, '报送说明', false);
  if (v.length > 0) throw new ValidationError(v);
  const escalation: Escalation = {
    ...e,
    state: 'transferring',
    targetDepartment: input.targetDepartment,
    note: forwardNote,
    case: { ...input.snapshot, promisedDueDate: e.case.promisedDueDate, statutoryDueDate: e.case.statutoryDueDate },
    files: input.files.map((f) => ({ ...f, round: 1, transferred: false })),
    forwardedBy: input.by,
    forwardedAt: input.at,
    transferError: '',
    updatedAt: input.at,
  };
  return { escalation, events: [{ type: 'EscalationForwarded', escalation }] };
}

export interface ResupplyInput {
  note: string;
  files: Omit<EscalationFile, 'round' | 'transferred'>[];
  by: string;
  at: Date;
}

/** 退回补充 answered: a new round with a note and the supplementary files → TRANSFERRING. */
export function resupplyEscalation(e: Escalation, input: ResupplyInput): EscalationChange {
  requireState(e, ['returned']);
  const v: Violation[] = [];
  const resupplyNote = note(v, 'note', input.note, '补充说明', true);
  if (v.length > 0) throw new ValidationError(v);
  const round = e.round + 1;
  const escalation: Escalation = {
    ...e,
    state: 'transferring',
    round,
    note: resupplyNote,
    files: [...e.files, ...input.files.map((f) => ({ ...f, round, transferred: false }))],
    forwardedBy: input.by,
    forwardedAt: input.at,
    transferError: '',
    updatedAt: input.at,
  };
  return { escalation, events: [{ type: 'EscalationForwarded', escalation }] };
}

/** A transfer attempt failed (the parent unreachable, …): the record says why; the forwarding leg keeps running. */
export function transferFailed(e: Escalation, error: string, at: Date): Escalation {
  return { ...e, transferError: error, updatedAt: at };
}

/** The parent holds the round's case and files: → IN_HANDLING, this round's forwarding leg finishes. */
export function transferCompleted(e: Escalation, counterpartId: string, at: Date): EscalationChange {
  if (e.state !== 'transferring') return { escalation: e, events: [] };
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  const leg = openLeg(e, 'escalation_forward');
  if (leg) {
    const finished = finishLeg(leg, 'completed', at, 'system');
    legs = replaceLeg(e, finished);
    events.push({ type: 'LegFinished', leg: finished });
  }
  const escalation: Escalation = {
    ...e,
    state: 'in_handling',
    counterpartId,
    legs,
    files: e.files.map((f) => (f.round === e.round ? { ...f, transferred: true } : f)),
    transferError: '',
    receivedAt: at,
    updatedAt: at,
  };
  return { escalation, events: [{ type: 'EscalationReceived', escalation }, ...events] };
}

/** What the parent's record says now (PullEscalationUpdates). */
export interface PulledUpdate {
  counterpartId: string;
  state: EscalationState;
  update: EscalationUpdate;
}

/**
 * Mirrors one of the parent's updates (each sequence once): a return starts the next round's forwarding leg, a
 * decision ends the parent's part (→ DECIDED, reported to the cases service next). Updates on a withdrawn or
 * concluded record are kept but change nothing.
 */
export function mirrorUpdate(
  e: Escalation,
  pulled: PulledUpdate,
  forwardWorkingDays: number,
  at: Date,
  calendar: LegCalendar,
): EscalationChange {
  const u = pulled.update;
  if (e.updates.some((x) => x.sequence === u.sequence)) return { escalation: e, events: [] };
  let current: Escalation = {
    ...e,
    counterpartId: e.counterpartId || pulled.counterpartId,
    updates: [...e.updates, { ...u, mirroredAt: at }],
    updatedAt: at,
  };
  const events: EscalationEvent[] = [];
  if (e.state === 'withdrawn' || e.state === 'concluded') return { escalation: current, events };
  switch (u.kind) {
    case 'received': {
      const done = transferCompleted(current, current.counterpartId, u.at);
      current = done.escalation;
      events.push(...done.events);
      break;
    }
    case 'returned': {
      if (current.state === 'transferring') {
        const done = transferCompleted(current, current.counterpartId, u.at);
        current = done.escalation;
        events.push(...done.events);
      }
      const leg = forwardLeg(current, forwardWorkingDays, at, 'system', calendar);
      current = { ...current, state: 'returned', legs: [...current.legs, leg] };
      events.push({ type: 'EscalationReturned', escalation: current, update: u }, { type: 'LegStarted', leg });
      break;
    }
    case 'decided': {
      current = { ...current, state: 'decided', decision: u.decision, decidedAt: u.at };
      events.push({ type: 'EscalationDecided', escalation: current, update: u });
      break;
    }
    default:
      events.push({ type: 'EscalationStatusReported', escalation: current, update: u });
  }
  return { escalation: current, events: events.map((ev) => withLatest(ev, current)) };
}

/** Every record-carrying event of one change carries the record as it is after the whole change. */
function withLatest(ev: EscalationEvent, e: Escalation): EscalationEvent {
  return 'escalation' in ev ? { ...ev, escalation: e } : ev;
}

/** The cases service took the parent's decision: the follow-up ends. */
export function concludeEscalation(e: Escalation, at: Date): EscalationChange {
  requireState(e, ['decided']);
  const escalation: Escalation = { ...e, state: 'concluded', concludedAt: at, reportedAt: at, updatedAt: at };
  return { escalation, events: [{ type: 'EscalationConcluded', escalation }] };
}

/** J4: a contact with the parent, recorded on the follow-up. */
export function recordFollowUp(e: Escalation, input: Omit<FollowUp, 'at'>, at: Date): EscalationChange {
  if (e.state === 'concluded' || e.state === 'withdrawn') requireState(e, []);
  const v: Violation[] = [];
  const text = note(v, 'text', input.text, '跟踪记录', true);
  const contact = freeText(v, 'contact', input.contact, { label: '联系人', max: MAX_CONTACT });
  if (v.length > 0) throw new ValidationError(v);
  const followUp = { text, contact, by: input.by, at };
  const escalation: Escalation = { ...e, followUps: [...e.followUps, followUp], updatedAt: at };
  return { escalation, events: [{ type: 'FollowUpRecorded', escalation }] };
}

/** The case ended at the lower center before a decision: → WITHDRAWN, the running forwarding leg is cancelled. */
export function withdrawSender(e: Escalation, reason: string, at: Date): EscalationChange {
  if (e.state === 'withdrawn' || e.state === 'concluded' || e.state === 'decided') return { escalation: e, events: [] };
  const events: EscalationEvent[] = [];
  let legs = e.legs;
  const leg = openLeg(e, 'escalation_forward');
  if (leg) {
    const cancelled = finishLeg(leg, 'cancelled', at, 'system');
    legs = replaceLeg(e, cancelled);
    events.push({ type: 'LegFinished', leg: cancelled });
  }
  const escalation: Escalation = { ...e, state: 'withdrawn', withdrawnReason: reason, legs, updatedAt: at };
  return { escalation, events: [{ type: 'EscalationWithdrawn', escalation }, ...events] };
}
