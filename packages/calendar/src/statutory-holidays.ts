/**
 * The public holidays that 《全国年节及纪念日放假办法》 itself fixes for all citizens (第二条, as amended by 国务院令第798号
 * of 2024-11-10, in force from 2025-01-01): 元旦 1 day (1月1日), 春节 4 days (农历除夕、正月初一至初三), 清明节 1 day
 * (农历清明当日), 劳动节 2 days (5月1日、2日), 端午节 1 day (农历端午当日), 中秋节 1 day (农历中秋当日), 国庆节 3 days
 * (10月1日至3日). They are days off in every year before the State Council's yearly notice says anything; the notice
 * adds what the 办法 leaves to it: the make-up working days (调休) and, when a holiday falls on a weekend, the weekday
 * given instead (补假, 第六条). The lunar dates and the solar term 清明 are computed with `lunar-typescript` (MIT).
 */
import { Lunar, Solar } from 'lunar-typescript';

/** The first year the amended 办法 governs. Unpublished years before it (before 2004) are not guessed. */
export const STATUTORY_RULES_FROM = 2025;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
const fromSolar = (s: Solar) => ymd(s.getYear(), s.getMonth(), s.getDay());

const cache = new Map<number, ReadonlyMap<string, string>>();

/** The days the amended 办法 fixes, for any year (the rule of STATUTORY_RULES_FROM is not applied here). */
export function computeStatutoryHolidays(year: number): ReadonlyMap<string, string> {
  const days = new Map<string, string>();
  days.set(ymd(year, 1, 1), '元旦');
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar(); // 正月初一
  for (let offset = -1; offset <= 2; offset += 1) days.set(fromSolar(newYear.next(offset)), '春节'); // 除夕 … 初三
  // The lunar year that starts in January or February of `year` holds that April's 清明.
  const qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明'];
  if (qingming) days.set(fromSolar(qingming), '清明节');
  days.set(ymd(year, 5, 1), '劳动节');
  days.set(ymd(year, 5, 2), '劳动节');
  days.set(fromSolar(Lunar.fromYmd(year, 5, 5).getSolar()), '端午节');
  // 中秋 and 国庆 can fall together (2020-10-01); the day then keeps the first name, as in the notices.
  const midAutumn = fromSolar(Lunar.fromYmd(year, 8, 15).getSolar());
  days.set(midAutumn, '中秋节');
  for (const day of [1, 2, 3]) if (!days.has(ymd(year, 10, day))) days.set(ymd(year, 10, day), '国庆节');
  return days;
}

/**
 * The statutory holidays of `year` under the amended 办法, date → festival name as the notices name it; empty for
 * a year before STATUTORY_RULES_FROM (other rules applied then, and those years are in the notices' data).
 */
export function statutoryHolidays(year: number): ReadonlyMap<string, string> {
  if (year < STATUTORY_RULES_FROM) return new Map();
  let days = cache.get(year);
  if (!days) {
    days = computeStatutoryHolidays(year);
    cache.set(year, days);
  }
  return days;
}
