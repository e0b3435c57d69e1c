import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type {
  Complaint,
  ComplaintChannel,
  ComplaintFinding,
  ComplaintKind,
  ComplaintStatus,
  ComplaintType,
  HandlingOffice,
  PublishedOutcome,
  ReplySatisfaction,
  TargetKind,
} from '../../domain/complaints/complaint';
import {
  FINDINGS,
  KINDS,
  SATISFACTIONS,
  STATUSES,
  type ComplaintSummary,
  type OverdueClock,
} from '../../domain/complaints/complaint-summary';
import type { ComplaintAttachment } from '../../domain/complaints/attachment';
import type { RequestState, RequestStatus } from '../../domain/complaints/request-status';
import type { ComplaintChannelInfo } from '../../usecases/complaints/ports';

export const complaintType = enumCodec<ComplaintType, complaintsV1.ComplaintType>(
  enumSpelling(complaintsV1.ComplaintType, 'COMPLAINT_TYPE_'),
);
export const complaintKind = enumCodec<ComplaintKind, complaintsV1.ComplaintKind>(
  enumSpelling(complaintsV1.ComplaintKind, 'COMPLAINT_KIND_'),
);
export const complaintChannel = enumCodec<ComplaintChannel, complaintsV1.ComplaintChannel>(
  enumSpelling(complaintsV1.ComplaintChannel, 'COMPLAINT_CHANNEL_'),
);
export const targetKind = enumCodec<TargetKind, complaintsV1.TargetKind>(
  enumSpelling(complaintsV1.TargetKind, 'TARGET_KIND_'),
);
export const complaintStatus = enumCodec<ComplaintStatus, complaintsV1.ComplaintStatus>(
  enumSpelling(complaintsV1.ComplaintStatus, 'COMPLAINT_STATUS_'),
);
export const complaintFinding = enumCodec<ComplaintFinding, complaintsV1.ComplaintFinding>(
  enumSpelling(complaintsV1.ComplaintFinding, 'COMPLAINT_FINDING_'),
);
export const replySatisfaction = enumCodec<ReplySatisfaction, complaintsV1.ReplySatisfaction>(
  enumSpelling(complaintsV1.ReplySatisfaction, 'REPLY_SATISFACTION_'),
);
export const handlingOffice = enumCodec<HandlingOffice, complaintsV1.HandlingOffice>(
  enumSpelling(complaintsV1.HandlingOffice, 'HANDLING_OFFICE_'),
);

export function toProtoComplaint(c: Complaint): complaintsV1.Complaint {
  return {
    id: c.id,
    number: c.number,
    tenant: c.tenant,
    type: complaintType.toProto(c.type),
    kind: complaintKind.toProto(c.kind),
    channel: complaintChannel.toProto(c.channel),
    target: { ...c.target, kind: targetKind.toProto(c.target.kind) },
    content: c.content,
    complainant: { ...c.complainant },
    attachmentIds: c.attachments.map((a) => a.id),
    attachments: c.attachments.map(toProtoAttachment),
    receivedBy: c.receivedBy,
    office: handlingOffice.toProto(c.office),
    officeDepartment: c.officeDepartment,
    status: complaintStatus.toProto(c.status),
    receivedAt: c.receivedAt,
    acceptBy: c.acceptBy,
    replyBy: c.replyBy,
    acceptedAt: c.acceptedAt,
    acceptedBy: c.acceptedBy,
    rejectionReason: c.rejectionReason,
    reply: c.reply ? { ...c.reply, finding: complaintFinding.toProto(c.reply.finding) } : undefined,
    satisfaction: replySatisfaction.toProto(c.satisfaction),
    ratedAt: c.ratedAt,
    acceptanceOverdue: c.acceptanceOverdue,
    replyOverdue: c.replyOverdue,
    version: c.version,
  };
}

export function toProtoAttachment(a: ComplaintAttachment): complaintsV1.ComplaintAttachment {
  return { ...a };
}

export function toProtoOutcome(o: PublishedOutcome): complaintsV1.PublishedOutcome {
  return {
    ...o,
    type: complaintType.toProto(o.type),
    kind: complaintKind.toProto(o.kind),
    targetKind: targetKind.toProto(o.targetKind),
    finding: complaintFinding.toProto(o.finding),
  };
}

export const requestState = enumCodec<RequestState, complaintsV1.RequestState>(
  enumSpelling(complaintsV1.RequestState, 'REQUEST_STATE_'),
);

export function toProtoRequestStatus(r: RequestStatus): complaintsV1.RequestStatus {
  return {
    ...r,
    type: complaintType.toProto(r.type),
    kind: complaintKind.toProto(r.kind),
    status: complaintStatus.toProto(r.status),
    office: handlingOffice.toProto(r.office),
    finding: complaintFinding.toProto(r.finding),
  };
}

export const toProtoChannel = (c: ComplaintChannelInfo): complaintsV1.ComplaintChannelInfo => ({ ...c });

export const overdueClock = enumCodec<OverdueClock, complaintsV1.OverdueClock>(
  enumSpelling(complaintsV1.OverdueClock, 'OVERDUE_CLOCK_'),
);

export function toProtoSummary(
  s: ComplaintSummary & { today: string; truncated: boolean },
): complaintsV1.ComplaintSummary {
  return {
    total: s.total,
    byStatus: STATUSES.map((v) => ({ status: complaintStatus.toProto(v), count: s.byStatus[v] })),
    byKind: KINDS.map((v) => ({ kind: complaintKind.toProto(v), count: s.byKind[v] })),
    byFinding: FINDINGS.map((v) => ({ finding: complaintFinding.toProto(v), count: s.byFinding[v] })),
    bySatisfaction: SATISFACTIONS.map((v) => ({
      satisfaction: replySatisfaction.toProto(v),
      count: s.bySatisfaction[v],
    })),
    lateAcceptance: s.lateAcceptance,
    lateReply: s.lateReply,
    overdue: s.overdue.map((o) => ({
      ...o,
      kind: complaintKind.toProto(o.kind),
      target: { ...o.target, kind: targetKind.toProto(o.target.kind) },
      office: handlingOffice.toProto(o.office),
      status: complaintStatus.toProto(o.status),
      clock: overdueClock.toProto(o.clock),
    })),
    today: s.today,
    truncated: s.truncated,
  };
}
