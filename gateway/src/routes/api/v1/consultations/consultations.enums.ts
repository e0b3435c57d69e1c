import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';

/* The consultation enums as the REST API spells them (lower case, no prefix). */

const codec = <N extends string, P extends number>(e: Record<string, string | number>, prefix: string) =>
  enumCodec<N, P>(enumSpelling(e as never, prefix));

export const consultationKind = codec<'question' | 'mailbox', complaintsV1.ConsultationKind>(
  complaintsV1.ConsultationKind,
  'CONSULTATION_KIND_',
);
export const consultationChannel = codec<'online' | 'phone' | 'visit' | 'hotline', complaintsV1.ConsultationChannel>(
  complaintsV1.ConsultationChannel,
  'CONSULTATION_CHANNEL_',
);
export const consultationVisibility = codec<'public' | 'private', complaintsV1.ConsultationVisibility>(
  complaintsV1.ConsultationVisibility,
  'CONSULTATION_VISIBILITY_',
);
export const consultationStatus = codec<'open' | 'answered', complaintsV1.ConsultationStatus>(
  complaintsV1.ConsultationStatus,
  'CONSULTATION_STATUS_',
);
