import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, systemActor, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { complaintsV1 } from '@govhall/proto';
import { forEvents, type ConsultationEvent, type ConsultationEventType } from '../../domain/consultations/consultation';
import { toProtoConsultation } from '../grpc/consultation.mapper';

/** Topic of the consultations (咨询); key = the consultation's id. Listed in deploy/kafka/topics.txt. */
export const CONSULTATION_TOPIC = 'govhall.complaints.consultation';

const CODECS: Record<ConsultationEventType, typeof complaintsV1.ConsultationAsked> = {
  ConsultationAsked: complaintsV1.ConsultationAsked,
  ConsultationAnswered: complaintsV1.ConsultationAnswered,
  ConsultationCurated: complaintsV1.ConsultationCurated,
};

/** Consultation events as outbox messages in the shared envelope: no asker, the texts masked (forEvents). */
export function consultationOutbox(events: ConsultationEvent[], actor: Principal | undefined): OutboxMessage[] {
  return events.map((event) =>
    toOutboxMessage(
      CONSULTATION_TOPIC,
      buildEnvelope({
        type: `govhall.complaints.v1.${event.type}`,
        codec: CODECS[event.type],
        payload: { consultation: toProtoConsultation(forEvents(event.consultation)) },
        tenant: event.consultation.tenant,
        aggregateId: event.consultation.id,
        aggregateVersion: event.consultation.version,
        actor: actor?.username ? actorFromPrincipal(actor) : systemActor('complaints'),
        occurredAt: event.at,
      }),
    ),
  );
}
