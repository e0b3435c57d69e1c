import type { Principal } from '@govhall/auth';
import {
  actorFromPrincipal,
  buildEnvelope,
  toOutboxMessage,
  type MessageFns,
  type OutboxMessage,
} from '@govhall/kafka';
import { commonV1, jointReviewV1 } from '@govhall/proto';
import type { JointReview, JointReviewEvent } from '../../domain/reviews/joint-review';
import { toProtoJointReview, toProtoLeg, toProtoTask } from '../grpc/joint-review.mapper';
import { SYSTEM } from './aggregate-outbox';

/** Topic of the joint reviews (JointReview*, Task* and Leg* of their co-review tasks); key = joint review id. */
export const JOINT_REVIEW_TOPIC = 'govhall.joint-review.review';

/** The envelope's type is the payload's full proto name (events.proto). */
const PACKAGE = 'govhall.joint_review.v1';

const pb = jointReviewV1;

interface Common {
  tenant: string;
  aggregateId: string;
  aggregateVersion: number;
  actor: commonV1.Actor;
  occurredAt: Date;
}

function message<T>(name: JointReviewEvent['type'], codec: MessageFns<T>, payload: T, common: Common): OutboxMessage {
  return toOutboxMessage(JOINT_REVIEW_TOPIC, buildEnvelope({ type: `${PACKAGE}.${name}`, codec, payload, ...common }));
}

function toMessage(e: JointReviewEvent, common: Common): OutboxMessage {
  switch (e.type) {
    case 'JointReviewOpened':
      return message(e.type, pb.JointReviewOpened, { review: toProtoJointReview(e.review) }, common);
    case 'JointReviewStageAdvanced':
      return message(e.type, pb.JointReviewStageAdvanced, { review: toProtoJointReview(e.review) }, common);
    case 'JointReviewAwaitingConclusion':
      return message(e.type, pb.JointReviewAwaitingConclusion, { review: toProtoJointReview(e.review) }, common);
    case 'JointReviewConcluded':
      return message(e.type, pb.JointReviewConcluded, { review: toProtoJointReview(e.review) }, common);
    case 'JointReviewReported':
      return message(e.type, pb.JointReviewReported, { review: toProtoJointReview(e.review) }, common);
    case 'JointReviewCancelled':
      return message(e.type, pb.JointReviewCancelled, { review: toProtoJointReview(e.review) }, common);
    case 'TaskOpened':
      return message(e.type, pb.TaskOpened, { task: toProtoTask(e.task) }, common);
    case 'JointReviewParticipantAdded':
      return message(
        e.type,
        pb.JointReviewParticipantAdded,
        { review: toProtoJointReview(e.review), task: toProtoTask(e.task), reason: e.reason },
        common,
      );
    case 'TaskAssigned':
      return message(
        e.type,
        pb.TaskAssigned,
        { task: toProtoTask(e.task), previousAssignee: e.previousAssignee },
        common,
      );
    case 'TaskReopened':
      return message(e.type, pb.TaskReopened, { task: toProtoTask(e.task), reason: e.reason }, common);
    case 'TaskClaimed':
      return message(e.type, pb.TaskClaimed, { task: toProtoTask(e.task) }, common);
    case 'TaskCompleted':
      return message(e.type, pb.TaskCompleted, { task: toProtoTask(e.task) }, common);
    case 'TaskCancelled':
      return message(e.type, pb.TaskCancelled, { task: toProtoTask(e.task), reason: e.reason }, common);
    case 'LegStarted':
      return message(e.type, pb.LegStarted, { leg: toProtoLeg(e.leg) }, common);
    case 'LegFinished':
      return message(e.type, pb.LegFinished, { leg: toProtoLeg(e.leg) }, common);
  }
}

/**
 * Translates a review's domain events into outbox messages carrying the shared envelope, in order: each is keyed
 * by the review id and carries the review's stored version and time of change. `actor` is who acted; undefined for
 * the service's own acts (the SYSTEM actor).
 */
export function toOutbox(
  events: readonly JointReviewEvent[],
  review: JointReview,
  actor: Principal | undefined,
): OutboxMessage[] {
  const common: Common = {
    tenant: review.tenant,
    aggregateId: review.id,
    aggregateVersion: review.version,
    actor: actor ? actorFromPrincipal(actor) : SYSTEM,
    occurredAt: review.updatedAt,
  };
  return events.map((e) => toMessage(e, common));
}
