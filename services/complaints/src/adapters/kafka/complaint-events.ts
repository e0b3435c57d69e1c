import { complaintsV1 } from '@govhall/proto';
import { forEvents, type ComplaintEvent } from '../../domain/complaints/complaint';
import { toProtoComplaint } from '../grpc/complaint.mapper';
import { aggregateOutbox } from './aggregate-outbox';

/** Topic of the complaints (投诉和举报); key = the complaint's id. Listed in deploy/kafka/topics.txt. */
export const COMPLAINT_TOPIC = 'govhall.complaints.complaint';

/**
 * Complaint events as outbox messages in the shared envelope: the complaint without its complainant's name, phone
 * and e-mail, its content masked (forEvents). An anonymous filer or the sweep acts as the service itself.
 */
export const complaintOutbox = aggregateOutbox({
  topic: COMPLAINT_TOPIC,
  codecs: {
    ComplaintFiled: complaintsV1.ComplaintFiled,
    ComplaintAccepted: complaintsV1.ComplaintAccepted,
    ComplaintRejected: complaintsV1.ComplaintRejected,
    ComplaintReplied: complaintsV1.ComplaintReplied,
    ReplyRated: complaintsV1.ReplyRated,
    ComplaintAcceptanceOverdue: complaintsV1.ComplaintAcceptanceOverdue,
    ComplaintReplyOverdue: complaintsV1.ComplaintReplyOverdue,
  },
  aggregateOf: (e: ComplaintEvent) => e.complaint,
  payloadOf: (c): complaintsV1.ComplaintFiled => ({ complaint: toProtoComplaint(forEvents(c)) }),
});
