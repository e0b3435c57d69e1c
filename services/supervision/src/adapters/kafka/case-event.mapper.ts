import { chinaToday } from '@govhall/calendar';
import { applicationsV1, commonV1, enumSpelling } from '@govhall/proto';
import type { CaseEvent, CaseEventStep } from '../../domain/clocks/case-event';

const pb = applicationsV1;
const transition = enumSpelling(pb.Transition, 'TRANSITION_');
const status = enumSpelling(pb.CaseStatus, 'CASE_STATUS_');
const channel = enumSpelling(pb.Channel, 'CHANNEL_');
const extensionState = enumSpelling(pb.ExtensionState, 'EXTENSION_STATE_');

const day = (d: Date | undefined) => (d ? chinaToday(d) : '');

function step(s: applicationsV1.CaseStep | undefined): CaseEventStep | undefined {
  if (!s) return undefined;
  return {
    index: s.index,
    name: s.name,
    role: s.role,
    department: s.department,
    budgetWorkingDays: s.budgetWorkingDays,
    startedDate: day(s.startedAt),
    finishedDate: day(s.finishedAt),
    handledBy: s.handledBy,
  };
}

/** A CaseTransitioned envelope as the domain reads it; the actor only when a person acted (not the service itself). */
export function toCaseEvent(
  envelope: { id: string; occurredAt?: Date; aggregateVersion: number; actor?: commonV1.Actor },
  e: applicationsV1.CaseTransitioned,
): CaseEvent {
  const f = e.facts ?? pb.CaseFacts.fromPartial({});
  return {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt ?? new Date(0),
    version: envelope.aggregateVersion,
    transition: transition.fromProto(e.transition) ?? '',
    actor: envelope.actor?.kind === commonV1.ActorKind.ACTOR_KIND_USER ? envelope.actor.username : '',
    facts: {
      caseId: f.caseId,
      caseNumber: f.caseNumber,
      tenant: f.tenant,
      status: status.fromProto(f.status) ?? '',
      channel: channel.fromProto(f.channel) ?? '',
      itemName: f.itemName,
      itemBasicCode: f.itemBasicCode,
      department: f.department,
      windowId: f.windowId,
      responsible: f.responsible,
      responsibleRole: f.responsibleRole,
      applicantName: f.applicantName,
      receivedDate: f.clocks?.receivedDate ?? '',
      deemedAccepted: f.deemedAccepted,
      promisedLimitWorkingDays: f.promisedLimitWorkingDays,
      statutoryLimitWorkingDays: f.statutoryLimitWorkingDays,
      ...(f.activeStep ? { activeStep: step(f.activeStep) } : {}),
    },
    ...(e.suspension
      ? {
          suspension: {
            procedure: e.suspension.procedure,
            reason: e.suspension.reason,
            startedDate: e.suspension.startedDate,
            endedDate: e.suspension.endedDate,
          },
        }
      : {}),
    ...(e.extension
      ? {
          extension: { workingDays: e.extension.workingDays, state: extensionState.fromProto(e.extension.state) ?? '' },
        }
      : {}),
    ...(e.step ? { step: step(e.step) } : {}),
  };
}
