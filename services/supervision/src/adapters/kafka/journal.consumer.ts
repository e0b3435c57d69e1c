import {
  startConsumer,
  type ConsumerOptions,
  type InboxEntry,
  type Kafka,
  type Consumer,
  type ReceivedEvent,
} from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import type { recordEventUseCase } from '../../usecases/record-event/record-event.usecase';

/** Topics supervision watches; it grows with every service's streams. */
export const WATCHED_TOPICS = ['govhall.catalogue.item', 'govhall.applications.case'];

/** Records every envelope of every watched topic, whatever its type. */
export async function startJournalConsumer(deps: {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  groupId: string;
  /** Prepended to the watched topics (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  recordEvent: ReturnType<typeof recordEventUseCase>;
  /** Dead-letter topic, retries and inbox retention. */
  delivery: Pick<ConsumerOptions, 'deadLetterTopic' | 'retry' | 'inboxRetentionMs'>;
}): Promise<Consumer> {
  const inbox = deps.connection.collection<InboxEntry>('inbox_journal');
  const record = deps.recordEvent;
  const handler = async ({ topic, envelope }: ReceivedEvent) => {
    await record({
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
  };
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: WATCHED_TOPICS.map((t) => deps.topicPrefix + t),
    logger: deps.logger,
    inbox,
    handlers: {},
    otherTypes: handler,
    ...deps.delivery,
  });
}
