import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, systemActor, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { complaintsV1 } from '@govhall/proto';
import type { RatingEvent } from '../../domain/ratings/rating';
import { toProtoRating } from '../grpc/rating.mapper';

/** Topic of the ratings; key = the rated case's id (or the visit's). Listed in deploy/kafka/topics.txt. */
export const RATING_TOPIC = 'govhall.complaints.rating';

/** Rating events as outbox messages in the shared envelope (a default rating is the service's own act). */
export function ratingOutbox(events: RatingEvent[], actor: Principal | undefined): OutboxMessage[] {
  return events.map((event) =>
    toOutboxMessage(
      RATING_TOPIC,
      buildEnvelope({
        type: 'govhall.complaints.v1.RatingRecorded',
        codec: complaintsV1.RatingRecorded,
        payload: { rating: toProtoRating(event.rating) },
        tenant: event.rating.tenant,
        aggregateId: event.rating.subject === 'case' ? event.rating.caseId : event.rating.visitId,
        aggregateVersion: 1,
        actor: actor ? actorFromPrincipal(actor) : systemActor('complaints'),
        occurredAt: event.rating.ratedAt,
      }),
    ),
  );
}
