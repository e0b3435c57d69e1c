import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { complaintsV1 } from '@govhall/proto';
import type { ComplaintEvent } from '../../domain/complaint';
import { toProtoComplaint } from '../grpc/complaint.mapper';

/** Topic of the complaint stream; key = complaint id. Listed in deploy/kafka/topics.txt. */
export const COMPLAINT_TOPIC = 'govhall.complaints.complaint';

/** Translates domain events into outbox messages carrying the shared envelope. */
export function toOutbox(events: ComplaintEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    switch (event.type) {
      case 'ComplaintCreated':
        return toOutboxMessage(
          COMPLAINT_TOPIC,
          buildEnvelope({
            type: 'govhall.complaints.v1.ComplaintCreated',
            codec: complaintsV1.ComplaintCreated,
            payload: { complaint: toProtoComplaint(event.complaint) },
            tenant: event.complaint.tenant,
            aggregateId: event.complaint.id,
            aggregateVersion: event.complaint.version,
            actor: actorFromPrincipal(actor),
            occurredAt: event.complaint.createdAt,
          }),
        );
    }
  });
}
