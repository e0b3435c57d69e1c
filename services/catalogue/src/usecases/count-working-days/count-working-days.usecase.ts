import type { ProvisionalCount } from '@govhall/calendar';
import type { TenantCalendars } from '../calendar.ports';
import { dateViolations, ensureHosted, tenantViolations, throwIfInvalid } from '../get-calendar/calendar-input';

export interface CountWorkingDaysQuery {
  tenant: string;
  /** Working days in (from, to]: `from` itself is not counted, `to` is. */
  from: string;
  to: string;
}

/** About ten years: longer than any case runs, and it bounds the work one anonymous call causes. */
export const MAX_SPAN_DAYS = 3_660;
const MS_PER_DAY = 86_400_000;

/**
 * How many working days of the tenant's calendar lie in (from, to]: e.g. the days of a limit used up by the end
 * of `to`. 0 when `to` is `from`; `to` before `from` is refused (BEFORE_FROM). Anyone may ask. Days of unpublished years are counted Monday to
 * Friday less the statutory holidays and the answer is flagged provisional, with those years named.
 */
export function countWorkingDaysUseCase(deps: { calendars: TenantCalendars; hostedTenants?: readonly string[] }) {
  return async (query: CountWorkingDaysQuery): Promise<ProvisionalCount> => {
    const tenant = query.tenant.trim();
    const violations = [
      ...tenantViolations(tenant),
      ...dateViolations('from', query.from),
      ...dateViolations('to', query.to),
    ];
    if (violations.length === 0 && query.to < query.from) {
      violations.push({
        path: 'to',
        reason: 'BEFORE_FROM',
        message: `结束日期（${query.to}）不能早于开始日期（${query.from}），请检查起止日期`,
      });
    } else if (violations.length === 0 && spanDays(query.from, query.to) > MAX_SPAN_DAYS) {
      violations.push({
        path: 'to',
        reason: 'RANGE',
        message: `起止日期相隔不能超过 ${MAX_SPAN_DAYS} 天（约十年），请缩短区间`,
      });
    }
    throwIfInvalid(violations);
    ensureHosted(deps.hostedTenants, tenant);
    const { calendar } = await deps.calendars.get(tenant);
    return calendar.workingDaysBetweenProvisional(query.from, query.to);
  };
}

/** Calendar days from `from` to `to` (both real YYYY-MM-DD dates; ISO strings are read as UTC midnight). */
function spanDays(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / MS_PER_DAY;
}
