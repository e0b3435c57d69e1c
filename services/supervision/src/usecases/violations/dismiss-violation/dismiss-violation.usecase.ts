import type { Principal } from '@govhall/auth';
import { ConcurrencyError } from '@govhall/errors';
import { dismissViolation } from '../../../domain/violations/violation-dismissal';
import type { Violation } from '../../../domain/violations/violation';
import { violationNotFound } from '../get-violation/get-violation.usecase';
import { checkId, checkVersion, readable, requireHandler } from '../violation.access';
import type { ViolationStore } from '../violation.ports';

/** A supervisor of the violation's tenant marks it as not a violation, with the reason (optimistic version). */
export function dismissViolationUseCase(deps: { violations: ViolationStore }) {
  return async (cmd: { id: string; reason: string; version: number }, actor: Principal): Promise<Violation> => {
    checkId(cmd.id);
    checkVersion(cmd.version);
    const current = readable(actor, await deps.violations.get(cmd.id), violationNotFound());
    requireHandler(actor, current.tenant);
    if (current.version !== cmd.version) throw new ConcurrencyError();
    return deps.violations.save(dismissViolation(current, cmd.reason), cmd.version);
  };
}
