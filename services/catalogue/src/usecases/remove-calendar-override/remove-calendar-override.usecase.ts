import type { Principal } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { NotFoundError } from '@govhall/errors';
import type { CalendarDeps, TenantCalendars } from '../calendar.ports';
import { dateViolations, ensureHosted, tenantViolations, throwIfInvalid } from '../get-calendar/calendar-input';
import type { TenantCalendarYear } from '../get-calendar/get-calendar.usecase';
import {
  changeableDateViolations,
  changeOverrides,
  ensureCalendarWrite,
} from '../set-calendar-override/change-overrides';

export interface RemoveCalendarOverrideCommand {
  tenant: string;
  date: string;
}

/**
 * The tenant's center administrator withdraws a local override of today or a later day: the day follows the
 * national arrangement again. Returns the calendar of that year.
 */
export function removeCalendarOverrideUseCase(deps: CalendarDeps & { calendars: TenantCalendars }) {
  return async (command: RemoveCalendarOverrideCommand, actor: Principal): Promise<TenantCalendarYear> => {
    const tenant = command.tenant.trim();
    const { date } = command;
    throwIfInvalid([...tenantViolations(tenant), ...dateViolations('date', date)]);
    throwIfInvalid(changeableDateViolations('date', date, chinaToday(deps.clock.now()), 'remove'));
    ensureCalendarWrite(deps.authorizer, actor, tenant);
    ensureHosted(deps.hostedTenants, tenant);

    const { calendar } = await changeOverrides(deps, tenant, actor, (current) => {
      const existing = current.overrides.find((o) => o.date === date);
      if (!existing) {
        throw new NotFoundError('CALENDAR_OVERRIDE_NOT_FOUND', `${tenant} 在 ${date} 没有本地调整，无需取消`);
      }
      return { overrides: current.overrides.filter((o) => o !== existing), override: existing, set: false };
    });
    return { tenant, ...calendar.yearSummary(Number(date.slice(0, 4))) };
  };
}
