import { CalendarInputError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// China Standard Time is UTC+8 all year: no daylight saving time since 1992.
const CHINA_OFFSET_MS = 8 * 3_600_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parts(s: unknown): [number, number, number] | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** True for a `YYYY-MM-DD` string naming a day that exists in the Gregorian calendar (no time, no spaces). */
export function isRealDate(s: string): boolean {
  return parts(s) !== undefined;
}

/**
 * A date as a day number (days since 1970-01-01), the form the calendar walks in. Days from civil
 * (H. Hinnant's algorithm) rather than `Date`, which maps years 0-99 to 1900-1999.
 */
export function toDayNumber(date: string, field = 'date'): number {
  const p = parts(date);
  if (!p)
    throw new CalendarInputError(`${field} 日期无效：${JSON.stringify(date)}，应为真实存在的日期，格式 YYYY-MM-DD`);
  const [month, day] = [p[1], p[2]];
  const year = month <= 2 ? p[0] - 1 : p[0];
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Saturday or Sunday. 1970-01-01 (day 0) was a Thursday. */
export function isWeekend(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** Today's date in China (Asia/Shanghai), the day that counts for receipts, acceptances and deadlines. */
export function chinaToday(now: Date = new Date()): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new CalendarInputError('当前时间无效（Invalid Date），无法确定北京时间的日期');
  return fromDayNumber(Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY));
}
