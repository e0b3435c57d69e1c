import { orderMatter } from '../../../domain/orders/order-matter';
import type { SupervisionOrder } from '../../../domain/orders/supervision-order';
import { evaluateMatter, type ClockDeps } from '../../clocks.shared';
import type { StoredMatter } from '../../clocks.ports';
import type { OrderStore } from '../orders.ports';

/**
 * Brings an order's supervised matter to the order's version: the clock recomputed for today and its signals
 * raised or cleared (evaluateMatter, as for a case), then the pending mark cleared. Idempotent: run after every
 * order write, and at start for orders a crash left pending.
 */
export function syncOrderMattersUseCase(deps: ClockDeps & { orders: OrderStore }) {
  const syncOne = async (order: SupervisionOrder): Promise<StoredMatter> => {
    const previous = await deps.matters.get(order.id);
    const stored = await evaluateMatter(deps, orderMatter(order), previous?.clock);
    await deps.orders.markMatterSynced(order.id, order.version);
    return stored;
  };
  return {
    syncOne,
    /** Every order left pending; answers how many were synced. */
    async syncPending(): Promise<number> {
      let synced = 0;
      for (let batch = await deps.orders.pendingMatters(100); batch.length;) {
        for (const order of batch) await syncOne(order);
        synced += batch.length;
        batch = await deps.orders.pendingMatters(100);
      }
      return synced;
    },
  };
}

export type OrderMatterSync = ReturnType<typeof syncOrderMattersUseCase>;
