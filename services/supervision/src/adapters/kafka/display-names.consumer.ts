import { startConsumer, type Consumer, type ConsumerOptions, type DeliveryOptions, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import { identityV1 } from '@govhall/proto';
import { windowDisplayName, type DisplayNameEntry } from '../../domain/evaluation/display-names';

/** Identity's tenancy topic: departments and windows (and tenants, which this consumer passes over). */
export const DISPLAY_NAME_TOPIC = 'govhall.identity.tenant';

/**
 * The department and window names the reports print (a group of its own, `<KAFKA_GROUP_ID>-names`, from the
 * topic's beginning so a new database learns every name). Each write keeps the highest aggregate version.
 */
export async function startDisplayNamesConsumer(deps: {
  kafka: Kafka;
  logger: Logger;
  groupId: string;
  /** Prepended to the topic (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  recordDisplayName: (entry: DisplayNameEntry) => Promise<void>;
  delivery: DeliveryOptions;
}): Promise<Consumer> {
  const handlers: ConsumerOptions['handlers'] = {};
  for (const type of ['DepartmentCreated', 'DepartmentUpdated'] as const) {
    handlers[`govhall.identity.v1.${type}`] = async ({ envelope }) => {
      const d = identityV1[type].decode(envelope.payload).department;
      if (!d) return;
      const version = envelope.aggregateVersion;
      await deps.recordDisplayName({ tenant: d.tenant, kind: 'department', code: d.code, name: d.name, version });
    };
  }
  for (const type of ['WindowCreated', 'WindowUpdated', 'WindowPostsAssigned'] as const) {
    handlers[`govhall.identity.v1.${type}`] = async ({ envelope }) => {
      const w = identityV1[type].decode(envelope.payload).window;
      if (!w) return;
      await deps.recordDisplayName({
        tenant: w.tenant,
        kind: 'window',
        code: w.id,
        name: windowDisplayName(w.name, w.number),
        version: envelope.aggregateVersion,
      });
    };
  }
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [deps.topicPrefix + DISPLAY_NAME_TOPIC],
    logger: deps.logger,
    // No inbox: a name is written only over an older version, so a redelivery changes nothing, and the topic's
    // tenant events (most of it) cost no store read on a replay (ADR 0050).
    inbox: 'none',
    handlers,
    fromBeginning: true,
    ...deps.delivery,
  });
}
