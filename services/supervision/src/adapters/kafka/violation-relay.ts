import { createProducer, OutboxRelay, type Kafka, type OutboxRelayOptions } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';

/**
 * Publishes the outboxes of violations and accountability records (ViolationRecorded, AccountabilityDecided on
 * govhall.supervision.violation): written in the same document write as the state, sent after, so nothing is lost
 * if the process dies in between (at-least-once; consumers dedupe by event id).
 */
export async function startViolationRelay(deps: {
  kafka: Kafka;
  logger: Logger;
  collections: OutboxRelayOptions['collections'];
  exclusive: boolean;
}): Promise<OutboxRelay> {
  const producer = await createProducer(deps.kafka);
  const relay = new OutboxRelay({
    collections: deps.collections,
    producer,
    logger: deps.logger,
    exclusive: deps.exclusive,
  });
  relay.start();
  return relay;
}
