import { startConsumer, type DeliveryOptions, type Kafka, type Consumer, type ReceivedEvent } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { recordEventsUseCase, recordEventUseCase } from '../../usecases/record-event/record-event.usecase';

/** Topics supervision watches; it grows with every service's streams. */
export const WATCHED_TOPICS = [
  'govhall.catalogue.item',
  'govhall.applications.case',
  // The joint-review service's streams (ADR 0052): reviews with their tasks and legs, escalations, delegated cases,
  // the cases department systems run on their own (J16), and joint meetings.
  'govhall.joint-review.review',
  'govhall.joint-review.escalation',
  'govhall.joint-review.delegated-case',
  'govhall.joint-review.external-case',
  'govhall.joint-review.meeting',
  // The payments service's notices (收缴分离): issued, paid, waived, cancelled, and staff's refused mark-paid attempts.
  'govhall.payments.notice',
  // Its reconciliation: statements imported, mismatches found and resolved.
  'govhall.payments.reconciliation',
  // The complaints service's rectifications of bad ratings (差评整改): opened, assigned, called back, concluded, overdue.
  'govhall.complaints.rectification',
  // Its complaints (投诉和举报): filed, accepted or refused, answered, rated, overdue (the complainant removed).
  'govhall.complaints.complaint',
];

/** Records every envelope of every watched topic, whatever its type. */
export async function startJournalConsumer(deps: {
  kafka: Kafka;
  logger: Logger;
  groupId: string;
  /** Prepended to the watched topics (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  recordEvent: ReturnType<typeof recordEventUseCase>;
  recordEvents: ReturnType<typeof recordEventsUseCase>;
  /** Dead-letter topic, retries and inbox retention. */
  delivery: DeliveryOptions;
}): Promise<Consumer> {
  const toRecorded = ({ topic, envelope }: ReceivedEvent) => ({
    eventId: envelope.id,
    type: envelope.type,
    tenant: envelope.tenant,
    aggregateId: envelope.aggregateId,
    aggregateVersion: envelope.aggregateVersion,
    occurredAt: envelope.occurredAt ?? new Date(0),
    // The journal keeps the real topic name, whatever prefix this process reads under.
    topic: topic.slice(deps.topicPrefix.length),
    traceparent: envelope.traceparent,
  });
  const handler = (event: ReceivedEvent) => deps.recordEvent(toRecorded(event));
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: WATCHED_TOPICS.map((t) => deps.topicPrefix + t),
    logger: deps.logger,
    // No inbox: the journal's `_id` is the event id and a recorded event is kept, so a redelivery writes nothing
    // new without a per-event inbox read (ADR 0050).
    inbox: 'none',
    handlers: {},
    otherTypes: handler,
    // A burst or a replay: one insert for a run of events.
    batch: { accepts: () => true, handle: (events) => deps.recordEvents(events.map(toRecorded)) },
    ...deps.delivery,
  });
}
