import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { jointReviewV1 } from '@govhall/proto';
import type { JointReviewEvent } from '../../domain/joint-review';
import { toProtoJointReview } from '../grpc/joint-review.mapper';

/** Topic of the joint-review stream; key = joint-review id. Listed in deploy/kafka/topics.txt. */
export const JOINT_REVIEW_TOPIC = 'govhall.joint-review.joint-review';

/** Translates domain events into outbox messages carrying the shared envelope. */
export function toOutbox(events: JointReviewEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    switch (event.type) {
      case 'JointReviewCreated':
        return toOutboxMessage(
          JOINT_REVIEW_TOPIC,
          buildEnvelope({
            type: 'govhall.joint_review.v1.JointReviewCreated',
            codec: jointReviewV1.JointReviewCreated,
            payload: { jointReview: toProtoJointReview(event.jointReview) },
            tenant: event.jointReview.tenant,
            aggregateId: event.jointReview.id,
            aggregateVersion: event.jointReview.version,
            actor: actorFromPrincipal(actor),
            occurredAt: event.jointReview.createdAt,
          }),
        );
    }
  });
}
