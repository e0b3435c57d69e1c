import type { CalendarOverride } from '@govhall/calendar';
import { EVALUATION_CHUNK, evaluateMatters, type ClockDeps } from '../clocks.shared';

/**
 * A tenant's calendar override set or removed (CalendarChanged): stored, then every matter of the tenant is
 * recounted with it (a chunk at a time), so the clocks do not depend on whether the calendar or the case events
 * came first. Imported historical matters (S31) keep the clock of their import.
 */
export function changeCalendarUseCase(deps: ClockDeps) {
  return async (tenant: string, override: CalendarOverride, present: boolean): Promise<void> => {
    await deps.calendars.set(tenant, override, present);
    const matters = (await deps.matters.listByTenant(tenant)).filter((s) => !s.matter.imported);
    for (let i = 0; i < matters.length; i += EVALUATION_CHUNK) {
      await evaluateMatters(
        deps,
        matters.slice(i, i + EVALUATION_CHUNK).map((s) => ({ matter: s.matter, previous: s.clock })),
      );
    }
  };
}
