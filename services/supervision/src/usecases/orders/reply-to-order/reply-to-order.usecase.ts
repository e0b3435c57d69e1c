import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Clock } from '@govhall/clock';
import { noteProblems, replyToOrder } from '../../../domain/orders/supervision-order';
import { requireAddressee } from '../orders.access';
import { actOnOrder, type OrderActDeps } from '../orders.shared';

/** 办理情况: the addressee replies to an order waiting for it; the order's clock stops on the day of the reply. */
export function replyToOrderUseCase(deps: OrderActDeps & { clock: Clock }) {
  return async (input: { id: string; text: string; version: number }, actor: Principal) =>
    actOnOrder(deps, { ...input, problems: noteProblems('text', input.text, '办理情况', true) }, actor, (order) => {
      requireAddressee(actor, order);
      const now = deps.clock.now();
      return replyToOrder(order, input.text, { by: actor.username, now, today: chinaToday(now) });
    });
}
