import { chinaToday } from '@govhall/calendar';
import type { Case } from '../domain/case';
import { toSummary, type CaseSummary } from '../domain/case-summary';
import type { CaseCore } from './deps';

/** List rows with time remaining counted in each case's tenant calendar, as of now. */
export async function summaries(deps: Pick<CaseCore, 'calendars' | 'clock'>, cases: Case[]): Promise<CaseSummary[]> {
  const today = chinaToday(deps.clock.now());
  const calendars = new Map(
    await Promise.all(
      [...new Set(cases.map((c) => c.tenant))].map(async (t) => [t, await deps.calendars.forTenant(t)] as const),
    ),
  );
  return cases.map((c) => toSummary(c, calendars.get(c.tenant)!, today));
}
