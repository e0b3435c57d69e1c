import type { YearSummary } from '@govhall/calendar';
import type { TenantCalendars } from '../calendar.ports';
import { ensureHosted, rangeViolations, tenantViolations, throwIfInvalid } from './calendar-input';

export interface GetCalendarQuery {
  tenant: string;
  year: number;
}

/** One year of a tenant's working calendar: official days, the tenant's overrides, the working-day total. */
export interface TenantCalendarYear extends YearSummary {
  tenant: string;
}

function yearViolations(year: number) {
  if (year === 0) return [{ path: 'year', reason: 'REQUIRED', message: '请填写年份，如 2026' }];
  return rangeViolations('year', year, 1, 9999, '年份');
}

/** Anyone may read a tenant's calendar (public information, no token). */
export function getCalendarUseCase(deps: { calendars: TenantCalendars; hostedTenants?: readonly string[] }) {
  return async (query: GetCalendarQuery): Promise<TenantCalendarYear> => {
    const tenant = query.tenant.trim();
    throwIfInvalid([...tenantViolations(tenant), ...yearViolations(query.year)]);
    ensureHosted(deps.hostedTenants, tenant);
    const { calendar } = await deps.calendars.get(tenant);
    return { tenant, ...calendar.yearSummary(query.year) };
  };
}
