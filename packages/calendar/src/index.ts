export { createWorkingCalendar } from './working-calendar';
export type {
  CalendarOverride,
  DayDescription,
  DayKind,
  WorkingCalendar,
  WorkingCalendarOptions,
} from './working-calendar';
export { CalendarInputError, CalendarNotPublishedError } from './errors';
export { chinaToday, isRealDate } from './iso-date';
