import type { Calendar, CalendarDayKind } from './types';

/** What a day of the year calendar shows. */
export interface GridDay {
  date: string;
  day: number;
  kind: CalendarDayKind;
  working: boolean;
  /** The holiday's name or the local override's reason. */
  name?: string;
}

export interface GridMonth {
  month: number;
  /** Weeks from Monday to Sunday; `null` pads the days of the neighbouring months. */
  weeks: (GridDay | null)[][];
}

export const DAY_KIND: Record<CalendarDayKind, string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  makeup_workday: '调休上班',
  local_holiday: '本地放假',
  local_workday: '本地上班',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in China (YYYY-MM-DD), where the calendar's days are counted. */
export { chinaToday } from '../../shared/format';

/**
 * The twelve months of `calendar`'s year, Monday first: the API lists the special days (holidays, make-up working
 * days, local overrides); every other day is a working day from Monday to Friday and a weekend day otherwise.
 */
export function yearGrid(calendar: Pick<Calendar, 'year' | 'specialDays'>): GridMonth[] {
  const special = new Map(calendar.specialDays.map((d) => [d.date, d]));
  const months: GridMonth[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = new Date(Date.UTC(calendar.year, month - 1, 1));
    const length = new Date(Date.UTC(calendar.year, month, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7;
    const cells: (GridDay | null)[] = Array.from({ length: lead }, () => null);
    for (let day = 1; day <= length; day++) {
      const date = `${calendar.year}-${pad(month)}-${pad(day)}`;
      const weekday = new Date(Date.UTC(calendar.year, month - 1, day)).getUTCDay();
      const known = special.get(date);
      const weekend = weekday === 0 || weekday === 6;
      cells.push(
        known
          ? { date, day, kind: known.kind, working: known.working, name: known.name }
          : { date, day, kind: weekend ? 'weekend' : 'workday', working: !weekend },
      );
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (GridDay | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push({ month, weeks });
  }
  return months;
}
