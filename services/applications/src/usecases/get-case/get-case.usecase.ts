import type { Principal } from '@govhall/auth';
import type { Case } from '../../domain/case';
import { idViolations, requireVisibleCase, throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';

/** One case, whole, for those who may see it (READ_CASE); anyone else gets CASE_NOT_FOUND. */
export function getCaseUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer'>) {
  return async (id: string, actor: Principal): Promise<Case> => {
    throwIfInvalid(idViolations(id));
    return requireVisibleCase(deps, id, actor);
  };
}
