import { complaintsV1 } from '@govhall/proto';
import { forEvents, type ConsultationEvent } from '../../domain/consultations/consultation';
import { toProtoConsultation } from '../grpc/consultation.mapper';
import { aggregateOutbox } from './aggregate-outbox';

/** Topic of the consultations (咨询); key = the consultation's id. Listed in deploy/kafka/topics.txt. */
export const CONSULTATION_TOPIC = 'govhall.complaints.consultation';

/** Consultation events as outbox messages in the shared envelope: no asker, the texts masked (forEvents). */
export const consultationOutbox = aggregateOutbox({
  topic: CONSULTATION_TOPIC,
  codecs: {
    ConsultationAsked: complaintsV1.ConsultationAsked,
    ConsultationAnswered: complaintsV1.ConsultationAnswered,
    ConsultationCurated: complaintsV1.ConsultationCurated,
  },
  aggregateOf: (e: ConsultationEvent) => e.consultation,
  payloadOf: (c): complaintsV1.ConsultationAsked => ({ consultation: toProtoConsultation(forEvents(c)) }),
});
