import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, systemActor, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { complaintsV1 } from '@govhall/proto';
import type { RectificationEvent, RectificationEventType } from '../../domain/rectifications/rectification';
import { toProtoRectification } from '../grpc/rectification.mapper';

/** Topic of the rectifications (差评整改); key = the rectification's id. Listed in deploy/kafka/topics.txt. */
export const RECTIFICATION_TOPIC = 'govhall.complaints.rectification';

/** Every rectification event's payload has the one field `rectification`: their codecs are alike. */
const CODECS: Record<RectificationEventType, typeof complaintsV1.RectificationOpened> = {
  RectificationOpened: complaintsV1.RectificationOpened,
  RectificationAssigned: complaintsV1.RectificationAssigned,
  CallBackRecorded: complaintsV1.CallBackRecorded,
  RectificationConcluded: complaintsV1.RectificationConcluded,
  AppealDecided: complaintsV1.AppealDecided,
  RectificationOverdue: complaintsV1.RectificationOverdue,
};

/** Rectification events as outbox messages in the shared envelope (the sweep's are the service's own acts). */
export function rectificationOutbox(events: RectificationEvent[], actor: Principal | undefined): OutboxMessage[] {
  return events.map((event) =>
    toOutboxMessage(
      RECTIFICATION_TOPIC,
      buildEnvelope({
        type: `govhall.complaints.v1.${event.type}`,
        codec: CODECS[event.type],
        payload: { rectification: toProtoRectification(event.rectification) },
        tenant: event.rectification.tenant,
        aggregateId: event.rectification.id,
        aggregateVersion: event.rectification.version,
        actor: actor ? actorFromPrincipal(actor) : systemActor('complaints'),
        occurredAt: event.at,
      }),
    ),
  );
}
