import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type {
  Consultation,
  ConsultationChannel,
  ConsultationKind,
  ConsultationStatus,
  ConsultationVisibility,
} from '../../domain/consultations/consultation';

export const consultationKind = enumCodec<ConsultationKind, complaintsV1.ConsultationKind>(
  enumSpelling(complaintsV1.ConsultationKind, 'CONSULTATION_KIND_'),
);
export const consultationChannel = enumCodec<ConsultationChannel, complaintsV1.ConsultationChannel>(
  enumSpelling(complaintsV1.ConsultationChannel, 'CONSULTATION_CHANNEL_'),
);
export const consultationVisibility = enumCodec<ConsultationVisibility, complaintsV1.ConsultationVisibility>(
  enumSpelling(complaintsV1.ConsultationVisibility, 'CONSULTATION_VISIBILITY_'),
);
export const consultationStatus = enumCodec<ConsultationStatus, complaintsV1.ConsultationStatus>(
  enumSpelling(complaintsV1.ConsultationStatus, 'CONSULTATION_STATUS_'),
);

export function toProtoConsultation(c: Consultation): complaintsV1.Consultation {
  return {
    id: c.id,
    number: c.number,
    tenant: c.tenant,
    kind: consultationKind.toProto(c.kind),
    channel: consultationChannel.toProto(c.channel),
    itemId: c.itemId,
    itemName: c.itemName,
    itemCode: c.itemCode,
    department: c.department,
    visibility: consultationVisibility.toProto(c.visibility),
    question: c.question,
    askerName: c.asker.name,
    loggedBy: c.loggedBy,
    status: consultationStatus.toProto(c.status),
    answer: c.answer ? { ...c.answer } : undefined,
    faq: c.faq ? { ...c.faq } : undefined,
    askedAt: c.askedAt,
    version: c.version,
  };
}
