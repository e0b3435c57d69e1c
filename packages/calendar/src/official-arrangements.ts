/**
 * The State Council's yearly holiday arrangements (国务院办公厅关于 YYYY 年部分节假日安排的通知), as shipped by the
 * npm package `chinese-days` in its documented JSON file. Only the data is used: the package's functions compute in
 * the process's local time zone and treat unpublished years as plain Mon-Fri, which is exactly what we must not do.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';

/** Each value is "English name,中文名,statutory days", e.g. "Spring Festival,春节,4". */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface OfficialDay {
  kind: 'holiday' | 'makeup-workday';
  /** The festival as the notice names it, e.g. 春节, 国庆节. */
  name: string;
}

// chinese-days shortens three names; the notices say 清明节, 端午节, 中秋节.
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function noticeName(value: string): string {
  const chinese = value.split(',')[1]?.trim() ?? '';
  return NOTICE_NAMES[chinese] ?? chinese;
}

interface OfficialData {
  days: ReadonlyMap<string, OfficialDay>;
  years: readonly number[];
  /** Where the days come from, e.g. "chinese-days 1.5.7", as the installed package names itself. */
  dataSource: string;
}

function load(data: ChineseDaysData, version: string): OfficialData {
  const days = new Map<string, OfficialDay>();
  for (const [date, value] of Object.entries(data.holidays))
    days.set(date, { kind: 'holiday', name: noticeName(value) });
  for (const [date, value] of Object.entries(data.workdays)) {
    days.set(date, { kind: 'makeup-workday', name: noticeName(value) });
  }
  // Every yearly notice arranges 春节, and 春节 always falls in January or February of the notice's own year; a
  // notice's 元旦 days and make-up days can spill into the previous December (2022-12-31 belongs to the 2023 notice),
  // so "some date of year Y is listed" would not prove that Y's notice is in the data.
  const years = new Set<number>();
  for (const [date, day] of days)
    if (day.kind === 'holiday' && day.name === '春节') years.add(Number(date.slice(0, 4)));
  return { days, years: [...years].sort((a, b) => a - b), dataSource: `chinese-days ${version}` };
}

export const official = load(chineseDays as ChineseDaysData, chineseDaysPackage.version);
