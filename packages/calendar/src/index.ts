export { createWorkingCalendar } from './working-calendar';
export type {
  CalendarOverride,
  DayDescription,
  DayKind,
  Provisional,
  ProvisionalCount,
  ProvisionalDate,
  ProvisionalDayDescription,
  WorkingCalendar,
  WorkingCalendarOptions,
  YearSummary,
} from './types';
export { CalendarInputError, CalendarNotPublishedError } from './errors';
export { chinaToday, isRealDate } from './iso-date';
