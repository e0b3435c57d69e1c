import type { Static } from '@sinclair/typebox';
import type { complaintsV1 } from '@govhall/proto';
import {
  complaintChannel,
  complaintFinding,
  complaintKind,
  complaintStatus,
  complaintType,
  handlingOffice,
  replySatisfaction,
  targetKind,
} from './complaints.enums';
import type { Complaint, ComplaintAttachment, ComplaintChannelInfo, PublishedOutcome } from './complaints.schemas';

/* 投诉和举报 as the REST API spells it (lower case, no prefix), proto ⇄ JSON. */

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
    attachments: c.attachments.map(attachmentToRest),
  };
}

export function attachmentToRest(a: complaintsV1.ComplaintAttachment): Static<typeof ComplaintAttachment> {
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: Number(a.size),
    sha256: a.sha256,
    uploadedAt: (a.uploadedAt ?? new Date(0)).toISOString(),
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
