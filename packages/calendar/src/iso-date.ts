import { CalendarInputError } from './errors';
import type { HallHours } from './types';

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

// The last day a YYYY-MM-DD string can name: a provisional walk is not stopped by an unpublished year.
const LAST_DAY = 2_932_896; // toDayNumber('9999-12-31')

/** The day after, refusing to walk past 9999-12-31 (a provisional walk has no other end). */
export function nextDay(dayNumber: number): number {
  if (dayNumber >= LAST_DAY) throw new CalendarInputError('计算结果超出 9999-12-31，请检查日期和工作日天数');
  return dayNumber + 1;
}

/** A count of working days: a safe integer ≥ 0; `field` names the argument in the message. */
export function checkWorkingDays(n: number, field?: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    const prefix = field ? `${field} ` : '';
    throw new CalendarInputError(`${prefix}工作日天数无效：${String(n)}，应为不小于 0 的整数`);
  }
}

/** Saturday or Sunday. 1970-01-01 (day 0) was a Thursday. */
export function isWeekend(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** Milliseconds since 1970-01-01T00:00 China time. */
function chinaMs(instant: Date, what: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new CalendarInputError(`${what}无效（Invalid Date），无法确定北京时间的日期`);
  return ms + CHINA_OFFSET_MS;
}

/** Today's date in China (Asia/Shanghai), the day that counts for receipts, acceptances and deadlines. */
export function chinaToday(now: Date = new Date()): string {
  return fromDayNumber(Math.floor(chinaMs(now, '当前时间') / MS_PER_DAY));
}

const HH_MM = /^(\d{2}):(\d{2})$/;

function closingMinute(hallHours: HallHours): number {
  const m = HH_MM.exec(typeof hallHours?.closesAt === 'string' ? hallHours.closesAt : '');
  const minute = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || minute < 1 || minute > 1440) {
    throw new CalendarInputError(
      `hallHours.closesAt 无效：${JSON.stringify(hallHours?.closesAt)}，应为北京时间 HH:MM（00:01 至 24:00），如 17:00`,
    );
  }
  return minute;
}

/**
 * The day a case is received (收件日), as YYYY-MM-DD in China, for a UTC instant. With `hallHours`, an instant at or
 * after the closing minute (17:00, or later with extended hours, A34) counts as received the next day: that day is
 * then the day not counted (受理之日不计入), and when it is not a working day the count starts on the next working day,
 * as for any receipt on a day off. A 即办件 received after hours is thus due the next working day.
 */
export function receivedDate(instant: Date, hallHours?: HallHours): string {
  const local = chinaMs(instant, '收件时间');
  const day = Math.floor(local / MS_PER_DAY);
  if (hallHours === undefined) return fromDayNumber(day);
  const minute = Math.floor((local - day * MS_PER_DAY) / 60_000);
  return fromDayNumber(minute >= closingMinute(hallHours) ? day + 1 : day);
}
