import type { ClockDeps } from '../clocks.shared';
import { closeOrderUseCase } from './close-order/close-order.usecase';
import { getOrderUseCase } from './get-order/get-order.usecase';
import { issueOrderUseCase } from './issue-order/issue-order.usecase';
import { listOrdersUseCase } from './list-orders/list-orders.usecase';
import type { OrderStore } from './orders.ports';
import { replyToOrderUseCase } from './reply-to-order/reply-to-order.usecase';
import { returnOrderUseCase } from './return-order/return-order.usecase';
import { syncOrderMattersUseCase } from './sync-order-matters/sync-order-matters.usecase';

/** The 督办 order use cases (ADR 0044), built once from their ports and the clock machinery they share with cases. */
export function createOrderUseCases(deps: ClockDeps & { orders: OrderStore }) {
  const sync = syncOrderMattersUseCase(deps);
  const acts = { orders: deps.orders, sync, clock: deps.clock };
  return {
    issueOrder: issueOrderUseCase(acts),
    getOrder: getOrderUseCase({ ...acts, matters: deps.matters }),
    listOrders: listOrdersUseCase(deps),
    replyToOrder: replyToOrderUseCase(acts),
    returnOrder: returnOrderUseCase(acts),
    closeOrder: closeOrderUseCase(acts),
    syncPendingOrderMatters: sync.syncPending,
  };
}

export type OrderUseCases = ReturnType<typeof createOrderUseCases>;
