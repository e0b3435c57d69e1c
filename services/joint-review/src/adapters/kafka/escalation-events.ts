import type { Principal } from '@govhall/auth';
import type { OutboxMessage } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import type { Escalation, EscalationEvent } from '../../domain/escalations/escalation';
import { toProtoEscalation, toProtoUpdate } from '../grpc/escalation.mapper';
import { toProtoLeg, toProtoTask } from '../grpc/joint-review.mapper';
import { aggregateOutbox, type Encode } from './aggregate-outbox';

/** Topic of one side's escalation records (Escalation*, FollowUpRecorded, Task*, Leg*); key = record id. */
export const ESCALATION_TOPIC = 'govhall.joint-review.escalation';

const pb = jointReviewV1;

function toMessage(e: EscalationEvent, encode: Encode): OutboxMessage {
  switch (e.type) {
    case 'EscalationOpened':
      return encode(pb.EscalationOpened, { escalation: toProtoEscalation(e.escalation) });
    case 'EscalationForwarded':
      return encode(pb.EscalationForwarded, { escalation: toProtoEscalation(e.escalation) });
    case 'EscalationReceived':
      return encode(pb.EscalationReceived, { escalation: toProtoEscalation(e.escalation) });
    case 'EscalationReturned':
      return encode(pb.EscalationReturned, {
        escalation: toProtoEscalation(e.escalation),
        update: toProtoUpdate(e.update),
      });
    case 'EscalationStatusReported':
      return encode(pb.EscalationStatusReported, {
        escalation: toProtoEscalation(e.escalation),
        update: toProtoUpdate(e.update),
      });
    case 'EscalationDecided':
      return encode(pb.EscalationDecided, {
        escalation: toProtoEscalation(e.escalation),
        update: toProtoUpdate(e.update),
      });
    case 'EscalationConcluded':
      return encode(pb.EscalationConcluded, { escalation: toProtoEscalation(e.escalation) });
    case 'EscalationWithdrawn':
      return encode(pb.EscalationWithdrawn, { escalation: toProtoEscalation(e.escalation) });
    case 'FollowUpRecorded':
      return encode(pb.FollowUpRecorded, { escalation: toProtoEscalation(e.escalation) });
    case 'TaskOpened':
      return encode(pb.TaskOpened, { task: toProtoTask(e.task) });
    case 'TaskClaimed':
      return encode(pb.TaskClaimed, { task: toProtoTask(e.task) });
    case 'TaskCompleted':
      return encode(pb.TaskCompleted, { task: toProtoTask(e.task) });
    case 'TaskCancelled':
      return encode(pb.TaskCancelled, { task: toProtoTask(e.task), reason: e.reason });
    case 'LegStarted':
      return encode(pb.LegStarted, { leg: toProtoLeg(e.leg) });
    case 'LegPaused':
      return encode(pb.LegPaused, { leg: toProtoLeg(e.leg) });
    case 'LegResumed':
      return encode(pb.LegResumed, { leg: toProtoLeg(e.leg) });
    case 'LegFinished':
      return encode(pb.LegFinished, { leg: toProtoLeg(e.leg) });
  }
}

/**
 * A record's domain events as outbox messages in the shared envelope, in order: keyed by the record id, with its
 * stored version and time of change, and who acted (the service itself when nobody did).
 */
export function toEscalationOutbox(
  events: readonly EscalationEvent[],
  escalation: Escalation,
  actor?: Principal,
): OutboxMessage[] {
  return aggregateOutbox(ESCALATION_TOPIC, events, escalation, actor, toMessage);
}
