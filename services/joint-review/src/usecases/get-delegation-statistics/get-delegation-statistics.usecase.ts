import { hasAnyRole, type Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { ForbiddenError } from '@govhall/errors';
import { lastDay, type Agreement } from '../../domain/delegation/agreement';
import { delegationStatistics, validatePeriod, type DelegationStatisticsRow } from '../../domain/delegation/statistics';
import type { DelegationDeps } from '../delegation/delegation.ports';
import { isCenter, isSupervisorOf } from '../reviews/review.access';

export interface GetDelegationStatisticsRequest {
  tenant: string;
  fromMonth: string;
  toMonth: string;
  department: string;
}

/** Midnight in China of a day (YYYY-MM-DD). */
const chinaMidnight = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

/** The first day of the month after YYYY-MM. */
function monthAfter(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * J8: delegated volume and leg timeliness per department and month of acceptance. The center and supervisors for
 * every department (those with an agreement or a case in the period); a department head for their own.
 */
export function getDelegationStatisticsUseCase(
  deps: Pick<DelegationDeps, 'delegatedCases' | 'agreements' | 'calendars'>,
) {
  return async (request: GetDelegationStatisticsRequest, actor: Principal): Promise<DelegationStatisticsRow[]> => {
    const tenant = request.tenant || actor.tenant;
    const supervised = isSupervisorOf(actor, tenant);
    if (tenant !== actor.tenant && !supervised) {
      throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '不能查看其他地区的代受理统计');
    }
    const overseer = isCenter(actor, tenant) || supervised;
    const head = actor.kind === 'user' && hasAnyRole(actor, ['department_head']) && !!actor.department;
    if (!overseer && !head) throw new ForbiddenError('ROLE_REQUIRED', '您没有查看代受理统计的权限');
    const department = request.department || (overseer ? '' : (actor.department ?? ''));
    if (!overseer && department !== actor.department) {
      throw new ForbiddenError('DEPARTMENT_OUT_OF_SCOPE', '只能查看本部门的代受理统计');
    }
    validatePeriod(request.fromMonth, request.toMonth);
    const from = chinaMidnight(`${request.fromMonth}-01`);
    const to = chinaMidnight(monthAfter(request.toMonth));
    const cases = await deps.delegatedCases.acceptedBetween(tenant, from, to, department || undefined);
    const periodEnd = monthAfter(request.toMonth);
    const inForce = (a: Agreement) =>
      a.validFrom < periodEnd && (lastDay(a) === '' || lastDay(a) >= `${request.fromMonth}-01`);
    const agreements = department
      ? [department]
      : (await deps.agreements.list({ tenant }, { pageSize: 1000, pageToken: '' })).items
          .filter(inForce)
          .map((a) => a.department);
    const calendar = await deps.calendars.forTenant(tenant);
    return delegationStatistics(cases, request, [...new Set(agreements)], {
      dayOf: chinaToday,
      workingDaysBetween: (a, b) => calendar.workingDaysBetweenProvisional(a, b).days,
    });
  };
}
