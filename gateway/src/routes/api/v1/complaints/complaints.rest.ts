import type { Static } from '@sinclair/typebox';
import { complaintsV1 } from '@govhall/proto';
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
import type {
  Complaint,
  ComplaintAttachment,
  ComplaintChannelInfo,
  ComplaintSummary,
  PublishedOutcome,
} from './complaints.schemas';

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
    target: targetToRest(c.target),
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

const targetToRest = (t: complaintsV1.ComplaintTarget | undefined) => ({
  kind: targetKind.fromProto(t?.kind ?? 0) || 'none',
  id: t?.id ?? '',
  name: t?.name ?? '',
  department: t?.department ?? '',
});

/** 投诉统计: every count a plain number, the enums in the REST spelling. */
export function summaryToRest(s: complaintsV1.ComplaintSummary | undefined): Static<typeof ComplaintSummary> {
  if (!s) throw new Error('complaints answered without a summary');
  const counts = <K extends string, V>(rows: (V & { count: number })[], key: K, name: (row: V) => string) =>
    rows.flatMap((r) => {
      const value = name(r);
      return value ? [{ [key]: value, count: Number(r.count) }] : [];
    }) as never;
  return {
    total: Number(s.total),
    byStatus: counts(s.byStatus, 'status', (r) => complaintStatus.fromProto(r.status)),
    byKind: counts(s.byKind, 'kind', (r) => complaintKind.fromProto(r.kind)),
    byFinding: counts(s.byFinding, 'finding', (r) => complaintFinding.fromProto(r.finding)),
    bySatisfaction: counts(s.bySatisfaction, 'satisfaction', (r) => replySatisfaction.fromProto(r.satisfaction)),
    lateAcceptance: Number(s.lateAcceptance),
    lateReply: Number(s.lateReply),
    overdue: s.overdue.map((o) => ({
      id: o.id,
      number: o.number,
      kind: complaintKind.fromProto(o.kind) || 'service',
      target: targetToRest(o.target),
      office: handlingOffice.fromProto(o.office) || 'coordination',
      officeDepartment: o.officeDepartment,
      status: complaintStatus.fromProto(o.status) || 'received',
      clock: o.clock === complaintsV1.OverdueClock.OVERDUE_CLOCK_REPLY ? 'reply' : 'accept',
      dueDay: o.dueDay,
    })),
    today: s.today,
    truncated: s.truncated,
  };
}
