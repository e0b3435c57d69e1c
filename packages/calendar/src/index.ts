export { createWorkingCalendar } from './working-calendar';
export { computeDeadline, stepDueDates, workingDaysLeft } from './deadline';
export type {
  CalendarOverride,
  DayDescription,
  DayKind,
  Deadline,
  DeadlineInput,
  HallHours,
  Pause,
  Provisional,
  ProvisionalCount,
  ProvisionalDate,
  ProvisionalDayDescription,
  SkippedDay,
  StepDueDate,
  WorkingCalendar,
  WorkingCalendarOptions,
  YearSummary,
} from './types';
export { CalendarInputError, CalendarNotPublishedError } from './errors';
export { chinaToday, isRealDate, receivedDate } from './iso-date';
export { periodViolations, type PeriodViolation } from './report-period';
