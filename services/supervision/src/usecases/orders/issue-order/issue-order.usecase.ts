import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Clock } from '@govhall/clock';
import { ValidationError } from '@govhall/errors';
import type { MatterClock } from '../../../domain/clocks/matter-clock';
import {
  issueOrder,
  issueProblems,
  type IssueInput,
  type SupervisionOrder,
} from '../../../domain/orders/supervision-order';
import { listedTenant, requireHandler } from '../../violations/violation.access';
import type { OrderStore } from '../orders.ports';
import type { OrderMatterSync } from '../sync-order-matters/sync-order-matters.usecase';

export function orderId(tenant: string, issuer: string, requestId: string): string {
  return `ord-${createHash('sha256').update(`${tenant}\n${issuer}\n${requestId}`).digest('hex').slice(0, 32)}`;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * 督办 (S9): a supervisor of the tenant issues an order; its clock starts the next working day. Idempotent by
 * request id: a retry answers the stored order (and its clock).
 */
export function issueOrderUseCase(deps: { orders: OrderStore; sync: OrderMatterSync; clock: Clock }) {
  return async (
    input: IssueInput & { requestId: string },
    actor: Principal,
  ): Promise<{ order: SupervisionOrder; clock: MatterClock }> => {
    const tenant = listedTenant(actor, input.tenant);
    requireHandler(actor, tenant);
    const problems = issueProblems({ ...input, tenant });
    if (!REQUEST_ID.test(input.requestId)) {
      problems.push({ path: 'requestId', reason: 'PATTERN', message: '请求标识应为8至64位字母、数字、下划线或连字符' });
    }
    if (problems.length || !input.targetKind) throw new ValidationError(problems);
    const id = orderId(tenant, actor.username, input.requestId);
    const existing = await deps.orders.get(id);
    if (existing) return { order: existing, clock: (await deps.sync.syncOne(existing)).clock };
    const now = deps.clock.now();
    const made = issueOrder(
      { ...input, tenant, targetKind: input.targetKind },
      { id, by: actor.username, now, today: chinaToday(now) },
    );
    const stored = await deps.orders.insertOrGet(made);
    return { order: stored, clock: (await deps.sync.syncOne(stored)).clock };
  };
}
