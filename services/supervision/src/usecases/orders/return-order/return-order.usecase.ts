import type { Principal } from '@govhall/auth';
import type { Clock } from '@govhall/clock';
import { noteProblems, returnOrder } from '../../../domain/orders/supervision-order';
import { requireHandler } from '../../violations/violation.access';
import { actOnOrder, type OrderActDeps } from '../orders.shared';

/** The supervisor of the order's tenant returns a reply that is not enough, with the reason; the clock runs again. */
export function returnOrderUseCase(deps: OrderActDeps & { clock: Clock }) {
  return async (input: { id: string; reason: string; version: number }, actor: Principal) =>
    actOnOrder(deps, { ...input, problems: noteProblems('reason', input.reason, '退回理由', true) }, actor, (order) => {
      requireHandler(actor, order.tenant);
      return returnOrder(order, input.reason, { by: actor.username, now: deps.clock.now() });
    });
}
