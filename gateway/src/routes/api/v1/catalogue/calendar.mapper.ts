import type { catalogueV1 } from '@govhall/proto';
import { dayKind } from './catalogue.enums';
import type { CalendarYear } from './calendar.schemas';

export function calendarToRest(c: catalogueV1.WorkingCalendarYear): CalendarYear {
  return {
    tenant: c.tenant,
    year: c.year,
    published: c.published,
    specialDays: c.specialDays.map((d) => ({
      date: d.date,
      working: d.working,
      kind: dayKind.rest(d.kind),
      name: d.name === '' ? undefined : d.name,
    })),
    workingDays: c.workingDays,
    overrides: c.overrides.map(({ date, working, reason }) => ({ date, working, reason })),
    source: c.source === '' ? undefined : c.source,
  };
}
