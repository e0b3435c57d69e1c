import type { Principal } from '@govhall/auth';
import type { Clock } from '@govhall/clock';
import { closeOrder, noteProblems } from '../../../domain/orders/supervision-order';
import { requireHandler } from '../../violations/violation.access';
import { actOnOrder, type OrderActDeps } from '../orders.shared';

/** The supervisor of the order's tenant accepts the reply and closes the order (办结), with an optional note. */
export function closeOrderUseCase(deps: OrderActDeps & { clock: Clock }) {
  return async (input: { id: string; note: string; version: number }, actor: Principal) =>
    actOnOrder(deps, { ...input, problems: noteProblems('note', input.note, '办结意见', false) }, actor, (order) => {
      requireHandler(actor, order.tenant);
      return closeOrder(order, input.note, { by: actor.username, now: deps.clock.now() });
    });
}
