import type { ReceivedEvent } from '@govhall/kafka';
import { complaintsV1, enumSpelling } from '@govhall/proto';
import type { ComplaintEventFacts } from '../../domain/violations/complaint-violation-detectors';

const pb = complaintsV1;
const complaintType = enumSpelling(pb.ComplaintType, 'COMPLAINT_TYPE_');
const complaintKind = enumSpelling(pb.ComplaintKind, 'COMPLAINT_KIND_');
const targetKind = enumSpelling(pb.TargetKind, 'TARGET_KIND_');
const handlingOffice = enumSpelling(pb.HandlingOffice, 'HANDLING_OFFICE_');
const complaintFinding = enumSpelling(pb.ComplaintFinding, 'COMPLAINT_FINDING_');
const CODECS = {
  acceptance_overdue: pb.ComplaintAcceptanceOverdue,
  reply_overdue: pb.ComplaintReplyOverdue,
  replied: pb.ComplaintReplied,
} as const;

/**
 * What the detectors read of a complaint envelope (ComplaintAcceptanceOverdue, ComplaintReplyOverdue or
 * ComplaintReplied: `event` says which). The complainant, the content and the answer's text are not read.
 */
export function complaintEventFacts(
  { envelope }: Pick<ReceivedEvent, 'envelope'>,
  event: ComplaintEventFacts['event'],
): ComplaintEventFacts {
  const c = CODECS[event].decode(envelope.payload).complaint;
  return {
    event,
    eventId: envelope.id,
    occurredAt: envelope.occurredAt ?? new Date(0),
    tenant: c?.tenant || envelope.tenant,
    complaintId: c?.id ?? '',
    number: c?.number ?? '',
    type: complaintType.fromProto(c?.type ?? 0),
    kind: complaintKind.fromProto(c?.kind ?? 0),
    target: {
      kind: targetKind.fromProto(c?.target?.kind ?? 0),
      id: c?.target?.id ?? '',
      name: c?.target?.name ?? '',
      department: c?.target?.department ?? '',
    },
    office: handlingOffice.fromProto(c?.office ?? 0),
    officeDepartment: c?.officeDepartment ?? '',
    receivedAt: c?.receivedAt,
    receivedBy: c?.receivedBy ?? '',
    acceptBy: c?.acceptBy ?? '',
    replyBy: c?.replyBy ?? '',
    acceptedAt: c?.acceptedAt,
    acceptedBy: c?.acceptedBy ?? '',
    finding: complaintFinding.fromProto(c?.reply?.finding ?? 0),
    repliedBy: c?.reply?.repliedBy ?? '',
    repliedAt: c?.reply?.repliedAt,
  };
}
