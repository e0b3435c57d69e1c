import { enumSpelling, jointReviewV1 } from '@govhall/proto';
import type { ExternalCaseEvent, ExternalEventKind } from '../../domain/external-cases/external-case-event';

const pb = jointReviewV1;
const kind = enumSpelling(pb.ExternalEventKind, 'EXTERNAL_EVENT_KIND_');
const channel = enumSpelling(pb.ExternalChannel, 'EXTERNAL_CHANNEL_');
const outcome = enumSpelling(pb.ExternalOutcome, 'EXTERNAL_OUTCOME_');

/**
 * An ExternalCaseEventReported envelope as the use case reads it; undefined without an event or of a kind this
 * version does not know (the joint-review service refuses those).
 */
export function toExternalCaseEvent(
  envelope: { id: string; occurredAt?: Date },
  reported: jointReviewV1.ExternalCaseEventReported,
): ExternalCaseEvent | undefined {
  const e = reported.event;
  const k = e ? (kind.fromProto(e.kind) as ExternalEventKind | undefined) : undefined;
  if (!e || !k) return undefined;
  return {
    caseId: reported.externalCaseId || `${e.tenant}:${e.department}:${e.caseNumber}`,
    eventId: envelope.id,
    kind: k,
    tenant: e.tenant,
    department: e.department,
    caseNumber: e.caseNumber,
    itemName: e.itemName,
    itemBasicCode: e.itemBasicCode,
    occurredAt: e.occurredAt ?? envelope.occurredAt ?? new Date(0),
    applicantName: e.applicantName,
    channel: channel.fromProto(e.channel) ?? '',
    promisedLimitWorkingDays: e.promisedLimitWorkingDays,
    statutoryLimitWorkingDays: e.statutoryLimitWorkingDays,
    step: e.step ? { index: e.step.index, name: e.step.name, budgetWorkingDays: e.step.budgetWorkingDays } : undefined,
    procedure: e.procedure,
    extensionWorkingDays: e.extensionWorkingDays,
    outcome: outcome.fromProto(e.outcome) ?? '',
    handler: [e.handlerName, e.handlerId].filter(Boolean).join(' '),
  };
}
