import { enumCodec, enumSpelling, jointReviewV1 } from '@govhall/proto';
import type { ExternalEvent, ExternalEventKind } from '../../domain/external-cases/external-event';

const pb = jointReviewV1;

export const externalEventKind = enumCodec<ExternalEventKind, jointReviewV1.ExternalEventKind>(
  enumSpelling(pb.ExternalEventKind, 'EXTERNAL_EVENT_KIND_'),
);
const channel = enumCodec<'online' | 'counter', jointReviewV1.ExternalChannel>(
  enumSpelling(pb.ExternalChannel, 'EXTERNAL_CHANNEL_'),
);
const outcome = enumCodec<'approved' | 'denied', jointReviewV1.ExternalOutcome>(
  enumSpelling(pb.ExternalOutcome, 'EXTERNAL_OUTCOME_'),
);

/** An event of the exchange format as reported (unknown enum values read as unset). */
export function fromProtoExternalEvent(e: jointReviewV1.ExternalCaseEvent): ExternalEvent {
  return {
    ...e,
    kind: externalEventKind.fromProto(e.kind),
    channel: channel.fromProto(e.channel),
    outcome: outcome.fromProto(e.outcome),
    reasons: [...e.reasons],
    feeFen: Number(e.feeFen),
    ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
    ...(e.step ? { step: { ...e.step } } : {}),
  };
}

/** The event as published (ExternalCaseEventReported). */
export function toProtoExternalEvent(e: ExternalEvent): jointReviewV1.ExternalCaseEvent {
  return {
    ...e,
    kind: externalEventKind.toProto(e.kind || undefined),
    channel: channel.toProto(e.channel || undefined),
    outcome: outcome.toProto(e.outcome || undefined),
    reasons: [...e.reasons],
    occurredAt: e.occurredAt,
    step: e.step,
  };
}
