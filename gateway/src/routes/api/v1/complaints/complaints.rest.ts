import type { Static } from '@sinclair/typebox';
import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type { Complaint, ComplaintChannelInfo, PublishedOutcome } from './complaints.schemas';

/* 投诉和举报 as the REST API spells it (lower case, no prefix), proto ⇄ JSON. */

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

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

export function complaintToRest(c: complaintsV1.Complaint | undefined): Static<typeof Complaint> {
  if (!c) throw new Error('complaints answered without a complaint');
  return {
    id: c.id,
    number: c.number,
    tenant: c.tenant,
    type: complaintType.fromProto(c.type) || 'complaint',
    kind: complaintKind.fromProto(c.kind) || 'service',
    channel: complaintChannel.fromProto(c.channel) || 'online',
    target: {
      kind: targetKind.fromProto(c.target?.kind ?? 0) || 'none',
      id: c.target?.id ?? '',
      name: c.target?.name ?? '',
      department: c.target?.department ?? '',
    },
    content: c.content,
    complainant: {
      name: c.complainant?.name ?? '',
      phone: c.complainant?.phone ?? '',
      email: c.complainant?.email ?? '',
    },
    receivedBy: c.receivedBy,
    office: handlingOffice.fromProto(c.office) || 'coordination',
    officeDepartment: c.officeDepartment,
    status: complaintStatus.fromProto(c.status) || 'received',
    receivedAt: (c.receivedAt ?? new Date(0)).toISOString(),
    acceptBy: c.acceptBy,
    replyBy: c.replyBy,
    acceptedAt: iso(c.acceptedAt),
    acceptedBy: c.acceptedBy,
    rejectionReason: c.rejectionReason,
    reply: c.reply
      ? {
          finding: complaintFinding.fromProto(c.reply.finding) || 'invalid',
          text: c.reply.text,
          repliedBy: c.reply.repliedBy,
          repliedAt: (c.reply.repliedAt ?? new Date(0)).toISOString(),
        }
      : null,
    satisfaction: replySatisfaction.fromProto(c.satisfaction),
    ratedAt: iso(c.ratedAt),
    acceptanceOverdue: c.acceptanceOverdue,
    replyOverdue: c.replyOverdue,
    version: Number(c.version),
  };
}

export function outcomeToRest(o: complaintsV1.PublishedOutcome): Static<typeof PublishedOutcome> {
  return {
    number: o.number,
    tenant: o.tenant,
    type: complaintType.fromProto(o.type) || 'complaint',
    kind: complaintKind.fromProto(o.kind) || 'service',
    targetKind: targetKind.fromProto(o.targetKind) || 'none',
    targetName: o.targetName,
    content: o.content,
    finding: complaintFinding.fromProto(o.finding) || 'invalid',
    reply: o.reply,
    receivedAt: (o.receivedAt ?? new Date(0)).toISOString(),
    repliedAt: (o.repliedAt ?? new Date(0)).toISOString(),
  };
}

export function channelToRest(c: complaintsV1.ComplaintChannelInfo | undefined): Static<typeof ComplaintChannelInfo> {
  if (!c) throw new Error('complaints answered without a channel');
  return {
    tenant: c.tenant,
    unit: c.unit,
    phone: c.phone,
    address: c.address,
    procedure: c.procedure,
    version: Number(c.version),
  };
}
