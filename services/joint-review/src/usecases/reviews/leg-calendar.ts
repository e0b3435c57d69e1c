import { chinaToday, type WorkingCalendar } from '@govhall/calendar';
import type { LegCalendar } from '../../domain/legs/leg';

/** Legs count in the tenant's calendar; a year the State Council has not published yet is counted provisionally. */
export function legCalendar(calendar: WorkingCalendar): LegCalendar {
  return {
    addWorkingDays: (start, n) => calendar.addWorkingDaysProvisional(start, n).date,
    dayOf: (instant) => chinaToday(instant),
    workingDaysBetween: (from, to) => calendar.workingDaysBetweenProvisional(from, to).days,
  };
}
