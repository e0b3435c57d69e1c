import type { Principal } from '@govhall/auth';
import type { MatterClock } from '../../../domain/clocks/matter-clock';
import type { SupervisionOrder } from '../../../domain/orders/supervision-order';
import type { MatterStore } from '../../clocks.ports';
import { checkId } from '../../violations/violation.access';
import { readableOrder } from '../orders.access';
import type { OrderStore } from '../orders.ports';
import type { OrderMatterSync } from '../sync-order-matters/sync-order-matters.usecase';

/** One order with its clock (for its readers and its addressee); others get NOT_FOUND. */
export function getOrderUseCase(deps: {
  orders: OrderStore;
  matters: Pick<MatterStore, 'get'>;
  sync: OrderMatterSync;
}) {
  return async (id: string, actor: Principal): Promise<{ order: SupervisionOrder; clock: MatterClock }> => {
    checkId(id);
    const order = readableOrder(actor, await deps.orders.get(id));
    const stored = await deps.matters.get(order.id);
    // A matter not written yet (a crash right after the order) is written now.
    const clock =
      stored && stored.matter.version === order.version ? stored.clock : (await deps.sync.syncOne(order)).clock;
    return { order, clock };
  };
}
