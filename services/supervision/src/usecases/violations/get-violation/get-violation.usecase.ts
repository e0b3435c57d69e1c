import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { Violation } from '../../../domain/violations/violation';
import { checkId, readable } from '../violation.access';
import type { ViolationStore } from '../violation.ports';

export const violationNotFound = () => new NotFoundError('VIOLATION_NOT_FOUND', '违规记录不存在');

/** One violation with its evidence; one the caller may not see answers as not found. */
export function getViolationUseCase(deps: { violations: ViolationStore }) {
  return async (id: string, actor: Principal): Promise<Violation> => {
    checkId(id);
    return readable(actor, await deps.violations.get(id), violationNotFound());
  };
}
