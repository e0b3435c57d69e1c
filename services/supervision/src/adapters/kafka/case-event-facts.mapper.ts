import type { ReceivedEvent } from '@govhall/kafka';
import { applicationsV1, commonV1, enumSpelling } from '@govhall/proto';
import type { CaseEventFacts, CaseTransitionKind } from '../../domain/violations/case-event-facts';

const transitions = enumSpelling(applicationsV1.Transition, 'TRANSITION_');
const channels = enumSpelling(applicationsV1.Channel, 'CHANNEL_');
const outcomes = enumSpelling(applicationsV1.Outcome, 'OUTCOME_');

const DETECTED: ReadonlySet<string> = new Set<CaseTransitionKind>([
  'submitted',
  'registered_at_counter',
  'one_time_notice_issued',
  'accepted',
  'not_accepted',
  'step_completed',
  'decided',
  'decided_on_the_spot',
  'result_issued',
]);

/** What the detectors read of a CaseTransitioned envelope (its payload decoded). */
export function caseEventFacts({ envelope }: ReceivedEvent): CaseEventFacts {
  const event = applicationsV1.CaseTransitioned.decode(envelope.payload);
  const f = event.facts;
  const spelled = transitions.fromProto(event.transition) ?? '';
  const step = event.step;
  const decision = event.decision;
  return {
    eventId: envelope.id,
    occurredAt: envelope.occurredAt ?? new Date(0),
    transition: DETECTED.has(spelled) ? (spelled as CaseTransitionKind) : 'other',
    reason: event.reason,
    caseId: f?.caseId || envelope.aggregateId,
    caseNumber: f?.caseNumber ?? '',
    tenant: f?.tenant || envelope.tenant,
    channel: channels.fromProto(f?.channel ?? 0) ?? 'unspecified',
    itemName: f?.itemName ?? '',
    department: f?.department ?? '',
    windowId: f?.windowId ?? '',
    responsible: f?.responsible ?? '',
    actor: envelope.actor?.kind === commonV1.ActorKind.ACTOR_KIND_USER ? envelope.actor.username : '',
    receivedDate: f?.clocks?.receivedDate ?? '',
    acceptedDate: f?.clocks?.acceptedDate ?? '',
    promisedDueDate: f?.clocks?.promised?.dueDate ?? '',
    noticeDueDate: f?.clocks?.noticeDueDate ?? '',
    decidedOnTheSpot: f?.decidedOnTheSpot ?? false,
    licences: (f?.licences ?? []).map((l) => ({
      licenceNumber: l.licenceNumber,
      licenceType: l.licenceType,
      checkedAt: l.checkedAt,
    })),
    step: step
      ? {
          index: step.index,
          name: step.name,
          budgetWorkingDays: step.budgetWorkingDays,
          dueDate: step.dueDate,
          finishedAt: step.finishedAt,
          handledBy: step.handledBy,
        }
      : undefined,
    decision: decision
      ? {
          outcome: outcomes.fromProto(decision.outcome) ?? 'unspecified',
          reasons: decision.reasons,
          decidedBy: decision.decidedBy,
        }
      : undefined,
  };
}
