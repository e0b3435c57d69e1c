import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, systemActor, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { complaintsV1 } from '@govhall/proto';
import { forEvents, type ComplaintEvent, type ComplaintEventType } from '../../domain/complaints/complaint';
import { toProtoComplaint } from '../grpc/complaint.mapper';

/** Topic of the complaints (投诉和举报); key = the complaint's id. Listed in deploy/kafka/topics.txt. */
export const COMPLAINT_TOPIC = 'govhall.complaints.complaint';

/** Every complaint event's payload has the one field `complaint`: their codecs are alike. */
const CODECS: Record<ComplaintEventType, typeof complaintsV1.ComplaintFiled> = {
  ComplaintFiled: complaintsV1.ComplaintFiled,
  ComplaintAccepted: complaintsV1.ComplaintAccepted,
  ComplaintRejected: complaintsV1.ComplaintRejected,
  ComplaintReplied: complaintsV1.ComplaintReplied,
  ReplyRated: complaintsV1.ReplyRated,
  ComplaintAcceptanceOverdue: complaintsV1.ComplaintAcceptanceOverdue,
  ComplaintReplyOverdue: complaintsV1.ComplaintReplyOverdue,
};

/**
 * Complaint events as outbox messages in the shared envelope: the complaint without its complainant's name, phone
 * and e-mail, its content masked (forEvents). An anonymous filer or the sweep acts as the service itself.
 */
export function complaintOutbox(events: ComplaintEvent[], actor: Principal | undefined): OutboxMessage[] {
  return events.map((event) =>
    toOutboxMessage(
      COMPLAINT_TOPIC,
      buildEnvelope({
        type: `govhall.complaints.v1.${event.type}`,
        codec: CODECS[event.type],
        payload: { complaint: toProtoComplaint(forEvents(event.complaint)) },
        tenant: event.complaint.tenant,
        aggregateId: event.complaint.id,
        aggregateVersion: event.complaint.version,
        actor: actor?.username ? actorFromPrincipal(actor) : systemActor('complaints'),
        occurredAt: event.at,
      }),
    ),
  );
}
