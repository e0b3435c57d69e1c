import type { CalendarOverride, DayDescription, DayKind } from '@govhall/calendar';
import { catalogueV1, enumSpelling } from '@govhall/proto';
import type { TenantCalendarYear } from '../../usecases/get-calendar/get-calendar.usecase';
import type { SetCalendarOverrideCommand } from '../../usecases/set-calendar-override/set-calendar-override.usecase';

/** The calendar package spells day kinds in kebab case (`makeup-workday`), the proto's spelling is lower_snake. */
const dayKind = enumSpelling(catalogueV1.DayKind, 'DAY_KIND_');
const toProtoDayKind = (kind: DayKind) => dayKind.toProto(kind.replaceAll('-', '_'));

export function toProtoOverride(override: CalendarOverride): catalogueV1.CalendarOverride {
  return { date: override.date, working: override.kind === 'workday', reason: override.reason };
}

export function overrideFromProto(
  override: catalogueV1.CalendarOverride | undefined,
): SetCalendarOverrideCommand['override'] {
  return override ? { date: override.date, working: override.working, reason: override.reason } : undefined;
}

function toProtoDay(day: DayDescription): catalogueV1.CalendarDay {
  return { date: day.date, working: day.working, kind: toProtoDayKind(day.kind), name: day.name ?? '' };
}

export function toProtoCalendarYear(year: TenantCalendarYear): catalogueV1.WorkingCalendarYear {
  return {
    tenant: year.tenant,
    year: year.year,
    published: year.published,
    specialDays: year.specialDays.map(toProtoDay),
    workingDays: year.workingDays,
    overrides: year.overrides.map(toProtoOverride),
    source: year.source,
  };
}
