import type { supervisionV1 } from '@govhall/proto';
import type { Static } from '@sinclair/typebox';
import { clockState, matterKind, signalLevel } from './supervision.enums';
import type { MatterClockView, SignalView, ThresholdsBody, ThresholdsView } from './supervision.schemas';

/** An empty proto string is "none": left out of the answer. */
export const opt = (s: string) => s || undefined;
const iso = (d: Date | undefined) => d?.toISOString();

function limitToRest(l: supervisionV1.LimitClock) {
  return {
    limitWorkingDays: l.limitWorkingDays,
    extensionWorkingDays: l.extensionWorkingDays,
    startDate: opt(l.startDate),
    dueDate: opt(l.dueDate),
    elapsedWorkingDays: l.elapsedWorkingDays,
    remainingWorkingDays: l.remainingWorkingDays,
    pausedWorkingDays: l.pausedWorkingDays,
    provisional: l.provisional,
    explanation: l.explanation,
  };
}

export function clockToRest(c: supervisionV1.MatterClock): MatterClockView {
  return {
    matterId: c.matterId,
    kind: matterKind.rest(c.kind),
    tenant: c.tenant,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    itemBasicCode: c.itemBasicCode,
    department: c.department,
    windowId: opt(c.windowId),
    responsible: opt(c.responsible),
    responsibleRole: opt(c.responsibleRole),
    applicantName: c.applicantName,
    status: c.status,
    state: clockState.rest(c.state),
    receivedDate: opt(c.receivedDate),
    acceptedDate: opt(c.acceptedDate),
    promised: c.promised && limitToRest(c.promised),
    statutory: c.statutory && limitToRest(c.statutory),
    steps: c.steps.map((s) => ({
      index: s.index,
      name: s.name,
      role: s.role,
      department: s.department,
      budgetWorkingDays: s.budgetWorkingDays,
      startedDate: opt(s.startedDate),
      dueDate: opt(s.dueDate),
      finishedDate: opt(s.finishedDate),
      elapsedWorkingDays: s.elapsedWorkingDays,
      remainingWorkingDays: s.remainingWorkingDays,
      overdue: s.overdue,
      handledBy: opt(s.handledBy),
    })),
    pauses: c.pauses.map((p) => ({
      kind: p.kind,
      procedure: opt(p.procedure),
      reason: p.reason,
      startedDate: p.startedDate,
      endedDate: opt(p.endedDate),
      workingDays: p.workingDays,
    })),
    signal: signalLevel.rest(c.signal),
    imported: c.imported,
    noticeDueDate: opt(c.noticeDueDate),
    channel: c.channel,
    lastEventId: opt(c.lastEventId),
    lastEventAt: iso(c.lastEventAt),
    asOfDate: c.asOfDate,
    endedDate: opt(c.endedDate),
    onTime: c.onTime,
  };
}

export function signalToRest(s: supervisionV1.Signal): SignalView {
  return {
    id: s.id,
    matterId: s.matterId,
    tenant: s.tenant,
    level: signalLevel.rest(s.level),
    rule: s.rule,
    reason: s.reason,
    raisedAt: (s.raisedAt ?? new Date(0)).toISOString(),
    clearedAt: iso(s.clearedAt),
    clearedReason: opt(s.clearedReason),
    caseNumber: s.caseNumber,
    itemName: s.itemName,
    department: s.department,
    windowId: opt(s.windowId),
    responsible: opt(s.responsible),
    notified: s.notified,
    stepIndex: s.rule === 'step.exceeded' ? s.stepIndex : undefined,
  };
}

export function thresholdsToRest(t: supervisionV1.SignalThresholds): Static<typeof ThresholdsView> {
  return {
    tenant: t.tenant,
    version: t.version,
    warningRemainingWorkingDays: t.warningRemainingWorkingDays,
    warningRemainingPercent: t.warningRemainingPercent,
    yellowOnPromisedExceeded: t.yellowOnPromisedExceeded,
    yellowOnStepExceeded: t.yellowOnStepExceeded,
    redOnStatutoryExceeded: t.redOnStatutoryExceeded,
    updatedBy: opt(t.updatedBy),
    updatedAt: iso(t.updatedAt),
  };
}

export function thresholdsToProto(b: ThresholdsBody): supervisionV1.SignalThresholds {
  return { ...b, updatedBy: '', updatedAt: undefined };
}

/** One live update as a server-sent event: its name and its JSON data. */
export function liveUpdateToEvent(u: supervisionV1.LiveUpdate): { event: string; data: unknown } | undefined {
  switch (u.update?.$case) {
    case 'clock':
      return { event: 'clock', data: clockToRest(u.update.value) };
    case 'signalRaised':
      return { event: 'signal_raised', data: signalToRest(u.update.value) };
    case 'signalCleared':
      return { event: 'signal_cleared', data: signalToRest(u.update.value) };
    default:
      // A kind of update this gateway does not know yet: skipped, the next one still arrives.
      return undefined;
  }
}
