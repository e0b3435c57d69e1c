import type { Principal } from '@govhall/auth';
import { ConcurrencyError, NotFoundError } from '@govhall/errors';
import {
  decideAccountability,
  type Accountability,
  type DecideInput,
} from '../../../domain/accountability/accountability';
import { checkId, checkVersion, readable, requireHandler } from '../../violations/violation.access';
import type { Clock } from '../../violations/violation.ports';
import type { AccountabilityStore } from '../accountability.ports';
import type { syncAccountabilityViolationsUseCase } from '../sync-accountability-violations/sync-accountability-violations.usecase';

/**
 * The decision (S19): a center admin or supervisor of the tenant imposes sanctions or decides none applies; the
 * record and its AccountabilityDecided event are one write, then its violations move to DECIDED.
 */
export function decideAccountabilityUseCase(deps: {
  accountabilities: AccountabilityStore;
  sync: ReturnType<typeof syncAccountabilityViolationsUseCase>;
  clock: Clock;
}) {
  return async (cmd: DecideInput & { id: string; version: number }, actor: Principal): Promise<Accountability> => {
    checkId(cmd.id);
    checkVersion(cmd.version);
    const notFound = new NotFoundError('ACCOUNTABILITY_NOT_FOUND', '责任追究记录不存在');
    const current = readable(actor, await deps.accountabilities.get(cmd.id), notFound);
    requireHandler(actor, current.tenant, ['supervisor', 'center_admin']);
    const next = decideAccountability(current, cmd, { decidedBy: actor.username, now: deps.clock.now() });
    if (current.version !== cmd.version) throw new ConcurrencyError();
    const saved = await deps.accountabilities.saveDecision(next, cmd.version);
    await deps.sync.syncOne(saved);
    return saved;
  };
}
