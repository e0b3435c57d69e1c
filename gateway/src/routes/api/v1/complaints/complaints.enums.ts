import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';

/* The complaint enums as the REST API spells them (lower case, no prefix). */

const codec = <N extends string, P extends number>(e: Record<string, string | number>, prefix: string) =>
  enumCodec<N, P>(enumSpelling(e as never, prefix));

export const complaintType = codec<'complaint' | 'report', complaintsV1.ComplaintType>(
  complaintsV1.ComplaintType,
  'COMPLAINT_TYPE_',
);
export const complaintKind = codec<
  'efficiency' | 'law_enforcement' | 'reconsideration' | 'service',
  complaintsV1.ComplaintKind
>(complaintsV1.ComplaintKind, 'COMPLAINT_KIND_');
export const complaintChannel = codec<
  'online' | 'visit' | 'phone' | 'letter' | 'box' | 'open311',
  complaintsV1.ComplaintChannel
>(complaintsV1.ComplaintChannel, 'COMPLAINT_CHANNEL_');
export const targetKind = codec<'department' | 'window' | 'staff' | 'case' | 'none', complaintsV1.TargetKind>(
  complaintsV1.TargetKind,
  'TARGET_KIND_',
);
export const complaintStatus = codec<
  'received' | 'accepted' | 'rejected' | 'replied' | 'closed',
  complaintsV1.ComplaintStatus
>(complaintsV1.ComplaintStatus, 'COMPLAINT_STATUS_');
export const complaintFinding = codec<'justified' | 'invalid' | 'mistaken', complaintsV1.ComplaintFinding>(
  complaintsV1.ComplaintFinding,
  'COMPLAINT_FINDING_',
);
export const replySatisfaction = codec<
  'satisfied' | 'basically_satisfied' | 'dissatisfied',
  complaintsV1.ReplySatisfaction
>(complaintsV1.ReplySatisfaction, 'REPLY_SATISFACTION_');
export const handlingOffice = codec<'supervision' | 'legal_affairs' | 'coordination', complaintsV1.HandlingOffice>(
  complaintsV1.HandlingOffice,
  'HANDLING_OFFICE_',
);
