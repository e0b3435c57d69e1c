import type { CalendarOverride } from '@govhall/calendar';
import { evaluateMatter, type ClockDeps } from '../clocks.shared';

/**
 * A tenant's calendar override set or removed (CalendarChanged): stored, then every matter of the tenant is
 * recounted with it, so the clocks do not depend on whether the calendar or the case events came first. Imported
 * historical matters (S31) keep the clock of their import.
 */
export function changeCalendarUseCase(deps: ClockDeps) {
  return async (tenant: string, override: CalendarOverride, present: boolean): Promise<void> => {
    await deps.calendars.set(tenant, override, present);
    for (const stored of await deps.matters.listByTenant(tenant)) {
      if (stored.matter.imported) continue;
      await evaluateMatter(deps, stored.matter, stored.clock);
    }
  };
}
