import { createHash } from 'node:crypto';
import type { Principal } from '@govhall/auth';
import { PreconditionError, ValidationError } from '@govhall/errors';
import { chinaDate } from '@govhall/identifiers';
import {
  proposalProblems,
  proposeAccountability,
  type Accountability,
  type ProposeInput,
} from '../../../domain/accountability/accountability';
import type { Violation } from '../../../domain/violations/violation';
import { listedTenant, requireHandler } from '../../violations/violation.access';
import type { Clock, ViolationStore } from '../../violations/violation.ports';
import type { AccountabilityStore } from '../accountability.ports';
import type { syncAccountabilityViolationsUseCase } from '../sync-accountability-violations/sync-accountability-violations.usecase';

export function accountabilityId(tenant: string, proposer: string, requestId: string): string {
  return `acc-${createHash('sha256').update(`${tenant}\n${proposer}\n${requestId}`).digest('hex').slice(0, 32)}`;
}

/**
 * 处理意见 (S20): a supervisor of the tenant proposes how violations of one person or window are handled; the
 * violations move to PROPOSED. Idempotent by request id: a retry answers the stored proposal.
 */
export function proposeAccountabilityUseCase(deps: {
  violations: ViolationStore;
  accountabilities: AccountabilityStore;
  sync: ReturnType<typeof syncAccountabilityViolationsUseCase>;
  clock: Clock;
}) {
  return async (input: ProposeInput & { requestId: string }, actor: Principal): Promise<Accountability> => {
    const tenant = listedTenant(actor, input.tenant);
    requireHandler(actor, tenant);
    const form = proposalProblems(input);
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(input.requestId)) {
      form.push({ path: 'requestId', reason: 'PATTERN', message: '请求标识应为8至64位字母、数字、下划线或连字符' });
    }
    if (form.length) throw new ValidationError(form);
    const id = accountabilityId(tenant, actor.username, input.requestId);
    const existing = await deps.accountabilities.get(id);
    if (existing) return existing;
    // A violation named by a proposal still waiting for its decision is not proposed again, even before the
    // violations of that proposal were moved to PROPOSED (a concurrent request, or a crash in between).
    const competing = (await deps.accountabilities.proposedFor(input.violationIds)).find((a) => a.id !== id);
    if (competing) {
      const violationId = input.violationIds.find((v) => competing.violationIds.includes(v))!;
      throw new PreconditionError(
        'VIOLATION_ALREADY_PROPOSED',
        `违规记录${violationId}已有待决定的处理意见，请先对该处理意见作出决定`,
        { violationId, accountabilityId: competing.id },
      );
    }
    const found = await Promise.all(input.violationIds.map((v) => deps.violations.get(v)));
    const now = deps.clock.now();
    const made = proposeAccountability(
      { ...input, tenant },
      found.filter((v): v is Violation => v !== null),
      { id, proposedBy: actor.username, now, year: Number(chinaDate(now).slice(0, 4)) },
    );
    const stored = await deps.accountabilities.insertOrGet(made.accountability);
    await deps.sync.syncOne(stored);
    return stored;
  };
}
