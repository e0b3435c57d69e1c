import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import type { Violation } from '@govhall/errors';
import { displayNames } from '../../../domain/evaluation/display-names';
import { buildMonthlyBulletin } from '../../../domain/evaluation/monthly-bulletin';
import { periodRange } from '../../../domain/evaluation/kpi-period';
import { readSelector } from '../../clocks.access';
import { checkMonth, EVALUATION_READERS, throwIfAny } from '../evaluation.access';
import type { BulletinDetailsSource, BulletinRenderer, DisplayNameStore } from '../evaluation.ports';
import type { KpiList, ListKpisQuery } from '../list-kpis/list-kpis.usecase';

/** Cards and violations listed by name in one bulletin; the rest are counted. */
export const BULLETIN_LIST_LIMIT = 50;

export interface RenderedBulletin {
  pdf: Buffer;
  fileName: string;
  contentHash: string;
}

/**
 * The monthly bulletin (月通报) of a tenant as a PDF: the center's and each department's figures for the month
 * exactly as ListKpis answers them (it asks ListKpis), ranked, with the month's red and yellow cards and
 * violations, persons masked. Same scope as ListKpis: own tenant and below, never a sibling.
 */
export function renderMonthlyBulletinUseCase(deps: {
  listKpis: (q: ListKpisQuery, actor: Principal) => Promise<KpiList>;
  details: BulletinDetailsSource;
  renderer: BulletinRenderer;
  names: Pick<DisplayNameStore, 'ofTenant'>;
  clock: { now(): Date };
}) {
  return async (q: { tenant: string; month: string }, actor: Principal): Promise<RenderedBulletin> => {
    const { tenant } = readSelector(actor, { tenant: q.tenant, includeSubordinates: false }, EVALUATION_READERS);
    const violations: Violation[] = [];
    checkMonth(q.month, chinaToday(deps.clock.now()).slice(0, 7), violations);
    throwIfAny(violations);

    const ask = (level: 'tenant' | 'department') =>
      deps.listKpis(
        { level, tenant, subjectId: '', periodKind: 'month', fromKey: q.month, toKey: '', includeSubordinates: false },
        actor,
      );
    const [total, departments] = await Promise.all([ask('tenant'), ask('department')]);
    const { firstDay, lastDay } = periodRange({ kind: 'month', key: q.month })!;
    const [details, names] = await Promise.all([
      deps.details.details(tenant, firstDay, lastDay, BULLETIN_LIST_LIMIT),
      deps.names.ofTenant(tenant),
    ]);
    const bulletin = buildMonthlyBulletin({
      tenant,
      month: q.month,
      total: total.totals[0],
      departments: departments.figures,
      ...details,
      names: displayNames(names),
    });
    const { pdf, contentHash } = await deps.renderer.render(bulletin);
    return { pdf, fileName: `${tenant}-${q.month}-月通报.pdf`, contentHash };
  };
}
