import { buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { commonV1, supervisionV1 } from '@govhall/proto';
import type { Accountability } from '../../domain/accountability/accountability';
import type { Violation } from '../../domain/violations/violation';
import { toProtoAccountability } from '../grpc/accountability.mapper';
import { toProtoViolation } from '../grpc/violation.mapper';

/** Topic of violations and accountability decisions; key = violation or accountability id (deploy/kafka/topics.txt). */
export const VIOLATION_TOPIC = 'govhall.supervision.violation';

export const SUPERVISION_ACTOR: commonV1.Actor = {
  kind: commonV1.ActorKind.ACTOR_KIND_SYSTEM,
  subject: '',
  username: 'supervision',
  tenant: '',
  roles: [],
  department: '',
  onBehalfOf: '',
};

/** The outbox message announcing a stored violation (ViolationRecorded). */
export function violationRecordedMessage(v: Violation): OutboxMessage {
  return toOutboxMessage(
    VIOLATION_TOPIC,
    buildEnvelope({
      type: 'govhall.supervision.v1.ViolationRecorded',
      codec: supervisionV1.ViolationRecorded,
      payload: { violation: toProtoViolation(v) },
      tenant: v.tenant,
      aggregateId: v.id,
      aggregateVersion: v.version,
      actor: SUPERVISION_ACTOR,
      occurredAt: v.recordedAt,
    }),
  );
}

/** The outbox message announcing a decision (AccountabilityDecided), sanctions or none. */
export function accountabilityDecidedMessage(a: Accountability): OutboxMessage {
  return toOutboxMessage(
    VIOLATION_TOPIC,
    buildEnvelope({
      type: 'govhall.supervision.v1.AccountabilityDecided',
      codec: supervisionV1.AccountabilityDecided,
      payload: { accountability: toProtoAccountability(a) },
      tenant: a.tenant,
      aggregateId: a.id,
      aggregateVersion: a.version,
      actor: SUPERVISION_ACTOR,
      occurredAt: a.decidedAt,
    }),
  );
}
