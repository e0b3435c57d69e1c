import {
  startConsumer,
  type Consumer,
  type ConsumerOptions,
  type DeliveryOptions,
  type InboxEntry,
  type Kafka,
  type ReceivedEvent,
} from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { jointReviewV1 } from '@govhall/proto';
import type { SupervisionUseCases } from '../../usecases/supervision.use-cases';
import { toExternalCaseEvent } from './external-case-event.mapper';
import { toLegEvent } from './leg-event.mapper';

/** The joint reviews' stream (ADR 0052), key = review id; supervision reads its Leg* events alone. */
export const JOINT_REVIEW_TOPIC = 'govhall.joint-review.review';
/** Escalation records (上报件), key = record id: the forwarding leg at the lower tenant, the handling leg at the parent. */
export const ESCALATION_TOPIC = 'govhall.joint-review.escalation';
/** Delegated cases (代受理), key = delegated case id: transfer, department and reply legs. */
export const DELEGATED_CASE_TOPIC = 'govhall.joint-review.delegated-case';
/** Every topic whose aggregates have legs (events.proto); the same Leg* events on each, handled alike. */
export const LEG_TOPICS = [JOINT_REVIEW_TOPIC, ESCALATION_TOPIC, DELEGATED_CASE_TOPIC] as const;
/** Cases run in department systems (J16), key = "<tenant>:<department>:<case number>": ExternalCaseEventReported. */
export const EXTERNAL_CASE_TOPIC = 'govhall.joint-review.external-case';
/** What the consumer reads: the legs' topics and the external cases'. */
export const JOINT_REVIEW_CLOCK_TOPICS = [...LEG_TOPICS, EXTERNAL_CASE_TOPIC] as const;

const PACKAGE = 'govhall.joint_review.v1';
/** Each carries the whole leg after the change. */
export const LEG_EVENT_TYPES = ['LegStarted', 'LegPaused', 'LegResumed', 'LegFinished'] as const;

/**
 * The legs consumer, a group of its own (JOINT_REVIEW_LEGS_GROUP_ID) on the review, escalation and delegated-case
 * topics: each leg event moves the leg's matter and its clock (ADR 0052); and on the external-case topic, each
 * reported event moves its case's matter (J16). The aggregates' other events (JointReview*, Escalation*,
 * DelegatedCase*, Task* …) are not handled. A new group replays the topics from their
 * beginning; the inbox skips a redelivered event, and a replayed one changes nothing anyway (a leg's matter ignores
 * an event not newer than its version: the version of its aggregate, the topic's key, so in order).
 */
export async function startJointReviewLegsConsumer(deps: {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  groupId: string;
  /** Prepended to the topic (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  useCases: Pick<SupervisionUseCases, 'applyLegEvent' | 'applyExternalCaseEvent'>;
  delivery: DeliveryOptions;
}): Promise<Consumer> {
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: JOINT_REVIEW_CLOCK_TOPICS.map((t) => deps.topicPrefix + t),
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_messages'),
    handlers: legHandlers(deps.useCases),
    fromBeginning: true,
    ...deps.delivery,
  });
}

/** The handler of each leg event type and of ExternalCaseEventReported, by its envelope type. */
export function legHandlers(
  useCases: Pick<SupervisionUseCases, 'applyLegEvent' | 'applyExternalCaseEvent'>,
): ConsumerOptions['handlers'] {
  const handlers: ConsumerOptions['handlers'] = {
    [`${PACKAGE}.ExternalCaseEventReported`]: async ({ envelope }: ReceivedEvent) => {
      const event = toExternalCaseEvent(envelope, jointReviewV1.ExternalCaseEventReported.decode(envelope.payload));
      if (event) await useCases.applyExternalCaseEvent(event);
    },
  };
  for (const type of LEG_EVENT_TYPES) {
    handlers[`${PACKAGE}.${type}`] = async ({ envelope }: ReceivedEvent) => {
      const event = toLegEvent(envelope, jointReviewV1[type].decode(envelope.payload).leg);
      if (event) await useCases.applyLegEvent(event);
    };
  }
  return handlers;
}
