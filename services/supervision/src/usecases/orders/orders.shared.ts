import type { Principal } from '@govhall/auth';
import { ValidationError, type Violation as FieldViolation } from '@govhall/errors';
import type { MatterClock } from '../../domain/clocks/matter-clock';
import type { OrderChange, SupervisionOrder } from '../../domain/orders/supervision-order';
import { checkId, checkVersion } from '../violations/violation.access';
import { readableOrder } from './orders.access';
import type { OrderStore } from './orders.ports';
import type { OrderMatterSync } from './sync-order-matters/sync-order-matters.usecase';

export interface OrderActDeps {
  orders: OrderStore;
  sync: OrderMatterSync;
}

/**
 * One act on a stored order (reply, return, close): the form checked first (nothing read), then the order read
 * (NOT_FOUND when the caller may not read it), the caller's right checked, the domain's change saved with its event
 * against the version the caller read, and the order's clock brought up to date.
 */
export async function actOnOrder(
  deps: OrderActDeps,
  request: { id: string; version: number; problems: FieldViolation[] },
  actor: Principal,
  act: (order: SupervisionOrder) => OrderChange,
): Promise<{ order: SupervisionOrder; clock: MatterClock }> {
  checkId(request.id);
  checkVersion(request.version);
  if (request.problems.length) throw new ValidationError(request.problems);
  const order = readableOrder(actor, await deps.orders.get(request.id));
  const saved = await deps.orders.save(act(order), request.version);
  return { order: saved, clock: (await deps.sync.syncOne(saved)).clock };
}
