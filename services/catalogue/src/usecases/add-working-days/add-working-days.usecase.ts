import { CalendarInputError, type ProvisionalDate } from '@govhall/calendar';
import { ValidationError } from '@govhall/errors';
import type { TenantCalendars } from '../calendar.ports';
import {
  dateViolations,
  ensureHosted,
  rangeViolations,
  tenantViolations,
  throwIfInvalid,
} from '../get-calendar/calendar-input';

export interface AddWorkingDaysQuery {
  tenant: string;
  /** YYYY-MM-DD; not counted itself (受理之日不计入). */
  start: string;
  days: number;
}

/** About ten years of working days: far beyond any time limit, and it bounds the work one anonymous call causes. */
export const MAX_WORKING_DAYS = 2_500;

/**
 * The date `days` working days after `start` in the tenant's calendar (its overrides applied). Anyone may ask.
 * A span reaching a year whose official arrangement is not published is counted there Monday to Friday less the
 * statutory holidays of the 放假办法 (make-up working days are unknown) and flagged provisional, with those years
 * named (domain rule).
 */
export function addWorkingDaysUseCase(deps: { calendars: TenantCalendars; hostedTenants?: readonly string[] }) {
  return async (query: AddWorkingDaysQuery): Promise<ProvisionalDate> => {
    const tenant = query.tenant.trim();
    throwIfInvalid([
      ...tenantViolations(tenant),
      ...dateViolations('start', query.start),
      ...rangeViolations('days', query.days, 0, MAX_WORKING_DAYS, '工作日天数'),
    ]);
    ensureHosted(deps.hostedTenants, tenant);
    const { calendar } = await deps.calendars.get(tenant);
    try {
      return calendar.addWorkingDaysProvisional(query.start, query.days);
    } catch (e) {
      // Only a walk past 9999-12-31 gets here: the arguments were checked above.
      if (e instanceof CalendarInputError)
        throw new ValidationError([{ path: 'days', reason: 'RANGE', message: e.message }]);
      throw e;
    }
  };
}
