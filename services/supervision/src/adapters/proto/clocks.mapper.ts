import { enumSpelling, supervisionV1 } from '@govhall/proto';
import type { LimitClock, MatterClock } from '../../domain/clocks/matter-clock';
import type { Signal } from '../../domain/signals/signal';
import type { SignalLevel } from '../../domain/signals/signal-level';
import type { SignalThresholds } from '../../domain/signals/thresholds';

const pb = supervisionV1;
export const signalLevel = enumSpelling(pb.SignalLevel, 'SIGNAL_LEVEL_');
export const clockState = enumSpelling(pb.ClockState, 'CLOCK_STATE_');
export const matterKind = enumSpelling(pb.MatterKind, 'MATTER_KIND_');

/** A level of a request: UNSPECIFIED (or unknown) means "none" (no minimum). */
export function levelFromProto(value: number): SignalLevel {
  return (signalLevel.fromProto(value) as SignalLevel | undefined) ?? 'none';
}

function toProtoLimit(l: LimitClock): supervisionV1.LimitClock {
  return { ...l, explanation: [...l.explanation] };
}

export function toProtoClock(c: MatterClock): supervisionV1.MatterClock {
  return {
    matterId: c.matterId,
    kind: matterKind.toProto(c.kind),
    tenant: c.tenant,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    itemBasicCode: c.itemBasicCode,
    department: c.department,
    windowId: c.windowId,
    responsible: c.responsible,
    responsibleRole: c.responsibleRole,
    applicantName: c.applicantName,
    status: c.status,
    state: clockState.toProto(c.state),
    receivedDate: c.receivedDate,
    acceptedDate: c.acceptedDate,
    promised: toProtoLimit(c.promised),
    statutory: toProtoLimit(c.statutory),
    steps: c.steps.map((s) => ({ ...s })),
    pauses: c.pauses.map((p) => ({ ...p })),
    signal: signalLevel.toProto(c.signal),
    imported: c.imported,
    noticeDueDate: c.noticeDueDate,
    channel: c.channel,
    lastEventId: c.lastEventId,
    lastEventAt: c.lastEventAt,
    asOfDate: c.asOfDate,
    endedDate: c.endedDate,
    onTime: c.onTime,
  };
}

export function toProtoSignal(s: Signal): supervisionV1.Signal {
  return {
    id: s.id,
    matterId: s.matterId,
    tenant: s.tenant,
    level: signalLevel.toProto(s.level),
    rule: s.rule,
    reason: s.reason,
    raisedAt: s.raisedAt,
    clearedAt: s.clearedAt,
    clearedReason: s.clearedReason,
    caseNumber: s.caseNumber,
    itemName: s.itemName,
    department: s.department,
    windowId: s.windowId,
    responsible: s.responsible,
    notified: [...s.notified],
    stepIndex: s.stepIndex,
  };
}

export function toProtoThresholds(t: SignalThresholds): supervisionV1.SignalThresholds {
  return {
    tenant: t.tenant,
    version: t.version,
    warningRemainingWorkingDays: t.warningRemainingWorkingDays,
    warningRemainingPercent: t.warningRemainingPercent,
    yellowOnPromisedExceeded: t.yellowOnPromisedExceeded,
    yellowOnStepExceeded: t.yellowOnStepExceeded,
    redOnStatutoryExceeded: t.redOnStatutoryExceeded,
    updatedBy: t.updatedBy,
    updatedAt: t.updatedAt,
  };
}
