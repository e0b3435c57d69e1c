import { buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { supervisionV1 } from '@govhall/proto';
import type { OrderChange } from '../../domain/orders/supervision-order';
import { toProtoOrder } from '../grpc/order.mapper';
import { SUPERVISION_ACTOR } from './violation-events';

/** Topic of 督办 orders; key = order id (deploy/kafka/topics.txt). */
export const ORDER_TOPIC = 'govhall.supervision.order';

const CODECS = {
  issued: { type: 'govhall.supervision.v1.OrderIssued', codec: supervisionV1.OrderIssued },
  replied: { type: 'govhall.supervision.v1.OrderReplied', codec: supervisionV1.OrderReplied },
  returned: { type: 'govhall.supervision.v1.OrderReturned', codec: supervisionV1.OrderReturned },
  closed: { type: 'govhall.supervision.v1.OrderClosed', codec: supervisionV1.OrderClosed },
} as const;

/** The outbox message announcing an order's change (OrderIssued, OrderReplied, OrderReturned or OrderClosed). */
export function orderEventMessage({ order, event }: OrderChange): OutboxMessage {
  const { type, codec } = CODECS[event];
  const at =
    event === 'issued'
      ? order.issuedAt
      : event === 'replied'
        ? order.replies.at(-1)?.at
        : event === 'returned'
          ? order.returns.at(-1)?.at
          : order.closedAt;
  return toOutboxMessage(
    ORDER_TOPIC,
    buildEnvelope({
      type,
      codec: codec as typeof supervisionV1.OrderIssued,
      payload: { order: toProtoOrder(order) },
      tenant: order.tenant,
      aggregateId: order.id,
      aggregateVersion: order.version,
      actor: SUPERVISION_ACTOR,
      occurredAt: at,
    }),
  );
}
