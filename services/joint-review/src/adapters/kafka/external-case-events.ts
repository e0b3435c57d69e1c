import { buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { commonV1, jointReviewV1 } from '@govhall/proto';
import { externalCaseId, type ExternalEvent } from '../../domain/external-cases/external-event';
import { toProtoExternalEvent } from '../grpc/external-event.mapper';

/** Topic of the events of cases run in department systems (J16); key = "<tenant>:<department>:<case number>". */
export const EXTERNAL_CASE_TOPIC = 'govhall.joint-review.external-case';

/** ExternalCaseEventReported of an accepted event, reported by the account ("service:<client id>"). */
export function externalEventMessage(event: ExternalEvent, reportedBy: string, at: Date): OutboxMessage {
  const caseId = externalCaseId(event);
  const actor: commonV1.Actor = {
    kind: commonV1.ActorKind.ACTOR_KIND_SERVICE,
    subject: reportedBy,
    username: reportedBy,
    tenant: event.tenant,
    roles: ['service'],
    department: event.department,
    onBehalfOf: '',
  };
  return toOutboxMessage(
    EXTERNAL_CASE_TOPIC,
    buildEnvelope({
      type: 'govhall.joint_review.v1.ExternalCaseEventReported',
      codec: jointReviewV1.ExternalCaseEventReported,
      payload: { event: toProtoExternalEvent(event), externalCaseId: caseId, reportedBy },
      tenant: event.tenant,
      aggregateId: caseId,
      aggregateVersion: 0,
      actor,
      occurredAt: at,
    }),
  );
}
