import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Case } from '../../domain/case';
import { timeLeftOf, type TimeLeft } from '../../domain/case-summary';
import { idViolations, requireVisibleCase, throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';

/**
 * One case, whole, for those who may see it (READ_CASE); anyone else gets CASE_NOT_FOUND. With it the time left as
 * of now in the case's tenant calendar, counted as its list row counts it.
 */
export function getCaseUseCase(deps: Pick<CaseCore, 'cases' | 'authorizer' | 'calendars' | 'clock'>) {
  return async (id: string, actor: Principal): Promise<{ case: Case; timeLeft: TimeLeft }> => {
    throwIfInvalid(idViolations(id));
    const found = await requireVisibleCase(deps, id, actor);
    const calendar = await deps.calendars.forTenant(found.tenant);
    return { case: found, timeLeft: timeLeftOf(found, calendar, chinaToday(deps.clock.now())) };
  };
}
