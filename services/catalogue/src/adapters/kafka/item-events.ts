import type { Principal } from '@govhall/auth';
import {
  actorFromPrincipal,
  buildEnvelope,
  toOutboxMessage,
  type MessageFns,
  type OutboxMessage,
} from '@govhall/kafka';
import { catalogueV1 } from '@govhall/proto';
import type { ItemEvent } from '../../domain/item';
import { toProtoItem } from '../grpc/item.mapper';

/** Topic of the item stream; key = item id. Listed in deploy/kafka/topics.txt. */
export const ITEM_TOPIC = 'govhall.catalogue.item';

/** Translates domain events into outbox messages carrying the shared envelope. */
export function toOutbox(events: ItemEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    const message = <T>(name: string, codec: MessageFns<T>, payload: T) =>
      toOutboxMessage(
        ITEM_TOPIC,
        buildEnvelope({
          type: `govhall.catalogue.v1.${name}`,
          codec,
          payload,
          tenant: event.item.tenant,
          aggregateId: event.item.id,
          aggregateVersion: event.item.version,
          actor: actorFromPrincipal(actor),
          occurredAt: event.item.updatedAt,
        }),
      );
    const item = toProtoItem(event.item);
    switch (event.type) {
      case 'ItemDraftCreated':
        return message(event.type, catalogueV1.ItemDraftCreated, { item });
      case 'ItemSubmitted':
        return message(event.type, catalogueV1.ItemSubmitted, { item });
      case 'ItemRejected':
        return message(event.type, catalogueV1.ItemRejected, { item });
      case 'ItemPublished':
        return message(event.type, catalogueV1.ItemPublished, { item });
      case 'ItemSuperseded':
        return message(event.type, catalogueV1.ItemSuperseded, { item, supersededBy: event.supersededBy });
      case 'ItemRetired':
        return message(event.type, catalogueV1.ItemRetired, { item });
    }
  });
}
