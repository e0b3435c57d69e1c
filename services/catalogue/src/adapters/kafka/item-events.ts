import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { catalogueV1 } from '@govhall/proto';
import type { ItemEvent } from '../../domain/item';
import { toProtoItem } from '../grpc/item.mapper';

/** Topic of the item stream; key = item id. Listed in deploy/kafka/topics.txt. */
export const ITEM_TOPIC = 'govhall.catalogue.item';

/** Translates domain events into outbox messages carrying the shared envelope. */
export function toOutbox(events: ItemEvent[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    switch (event.type) {
      case 'ItemDraftCreated':
        return toOutboxMessage(
          ITEM_TOPIC,
          buildEnvelope({
            type: 'govhall.catalogue.v1.ItemDraftCreated',
            codec: catalogueV1.ItemDraftCreated,
            payload: { item: toProtoItem(event.item) },
            tenant: event.item.tenant,
            aggregateId: event.item.id,
            aggregateVersion: event.item.version,
            actor: actorFromPrincipal(actor),
            occurredAt: event.item.updatedAt,
          }),
        );
    }
  });
}
