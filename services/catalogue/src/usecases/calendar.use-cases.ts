import { addWorkingDaysUseCase } from './add-working-days/add-working-days.usecase';
import type { CalendarDeps } from './calendar.ports';
import { countWorkingDaysUseCase } from './count-working-days/count-working-days.usecase';
import { getCalendarUseCase } from './get-calendar/get-calendar.usecase';
import { createTenantCalendars } from './get-calendar/tenant-calendars';
import { removeCalendarOverrideUseCase } from './remove-calendar-override/remove-calendar-override.usecase';
import { setCalendarOverrideUseCase } from './set-calendar-override/set-calendar-override.usecase';

/** Every calendar use case, sharing one in-process cache of the tenants' working calendars. */
export function createCalendarUseCases(deps: CalendarDeps) {
  const calendars = createTenantCalendars({ overrides: deps.overrides, clock: deps.clock, ttlMs: deps.cacheTtlMs });
  const shared = { ...deps, calendars };
  return {
    getCalendar: getCalendarUseCase(shared),
    setCalendarOverride: setCalendarOverrideUseCase(shared),
    removeCalendarOverride: removeCalendarOverrideUseCase(shared),
    addWorkingDays: addWorkingDaysUseCase(shared),
    countWorkingDays: countWorkingDaysUseCase(shared),
  };
}

export type CalendarUseCases = ReturnType<typeof createCalendarUseCases>;
