import { startConsumer, type Consumer, type DeliveryOptions, type InboxEntry, type Kafka } from '@govhall/kafka';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { supervisionV1 } from '@govhall/proto';
import type { RaisedSignal } from '../../domain/messages/signal-messages';
import { levelFromProto } from '../proto/clocks.mapper';
import { SIGNAL_TOPIC } from './signal-events';

/**
 * Supervision reading its own signal topic (a group of its own, SIGNAL_MESSAGES_GROUP_ID): each SignalRaised is told
 * to its recipients (ADR 0045). The inbox and the ids derived from the signal make a redelivery message nobody twice.
 * A group that never committed starts at the end of the topic (signals raised before its first join are not told).
 */
export async function startSignalMessagesConsumer(deps: {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  groupId: string;
  messageSignalRecipients: (signal: RaisedSignal) => Promise<unknown>;
  delivery: DeliveryOptions;
}): Promise<Consumer> {
  return startConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId,
    topics: [SIGNAL_TOPIC],
    logger: deps.logger,
    inbox: deps.connection.collection<InboxEntry>('inbox_messages'),
    handlers: {
      'govhall.supervision.v1.SignalRaised': async ({ envelope }) => {
        const s = supervisionV1.SignalRaised.decode(envelope.payload).signal;
        if (!s) return;
        await deps.messageSignalRecipients({
          id: s.id,
          tenant: s.tenant,
          matterId: s.matterId,
          level: levelFromProto(s.level),
          reason: s.reason,
          caseNumber: s.caseNumber,
          itemName: s.itemName,
          department: s.department,
          notified: [...s.notified],
          raisedAt: s.raisedAt ?? envelope.occurredAt ?? new Date(),
        });
      },
    },
    // A new group starts at the topic's end: telling people of last week's signals again would only confuse them.
    fromBeginning: false,
    ...deps.delivery,
  });
}
