import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Violation } from '@govhall/errors';
import { buildDailyCheck } from '../../../domain/evaluation/daily-check';
import { displayNames } from '../../../domain/evaluation/display-names';
import type { InspectionStore } from '../../inspections/inspection.ports';
import { readSelector } from '../../clocks.access';
import { checkDay, EVALUATION_READERS, throwIfAny } from '../evaluation.access';
import type { DailyCheckRenderer, DailyCheckSource, DisplayNameStore } from '../evaluation.ports';

/** Inspections and violations listed in one daily check; more violations are counted (a day has few inspections). */
export const DAILY_CHECK_LIST_LIMIT = 200;

export interface RenderedDailyCheck {
  pdf: Buffer;
  fileName: string;
  contentHash: string;
}

/**
 * The daily check sheet (日检查表) of a tenant's day as a PDF: the day's inspections with their checklists, the
 * violations that happened that day, the signals raised that day by level and window, persons masked. Same scope
 * as the bulletin: supervisors and center admins of the tenant or above it, never a sibling.
 */
export function renderDailyCheckUseCase(deps: {
  inspections: Pick<InspectionStore, 'list'>;
  source: DailyCheckSource;
  names: Pick<DisplayNameStore, 'ofTenant'>;
  renderer: DailyCheckRenderer;
  clock: { now(): Date };
}) {
  return async (q: { tenant: string; date: string }, actor: Principal): Promise<RenderedDailyCheck> => {
    const { tenant } = readSelector(actor, { tenant: q.tenant, includeSubordinates: false }, EVALUATION_READERS);
    const violations: Violation[] = [];
    checkDay(q.date, chinaToday(deps.clock.now()), violations);
    throwIfAny(violations);

    const [inspections, day, names] = await Promise.all([
      deps.inspections.list({ tenant, fromDate: q.date, toDate: q.date }, 0, DAILY_CHECK_LIST_LIMIT),
      deps.source.day(tenant, q.date, DAILY_CHECK_LIST_LIMIT),
      deps.names.ofTenant(tenant),
    ]);
    const sheet = buildDailyCheck({ tenant, date: q.date, inspections, ...day, names: displayNames(names) });
    const { pdf, contentHash } = await deps.renderer.render(sheet);
    return { pdf, fileName: `${tenant}-${q.date}-日检查表.pdf`, contentHash };
  };
}
