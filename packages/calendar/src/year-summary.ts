import { STATUTORY_RULES_FROM } from './statutory-holidays';
import type { CalendarOverride, DayDescription, YearSummary } from './types';

export interface YearFacts {
  year: number;
  published: boolean;
  /** Every day of the year, in order. */
  days: readonly DayDescription[];
  /** The tenant's overrides of the year. */
  overrides: readonly CalendarOverride[];
  /** e.g. "chinese-days 1.5.7". */
  dataSource: string;
  /** The years the data covers, for the note on an unpublished year. */
  publishedYears: readonly number[];
}

/** A year as GetCalendar shows it: the days that are not plain weekdays or weekends, and the working-day total. */
export function summarizeYear(facts: YearFacts): YearSummary {
  const { year, published, dataSource, publishedYears } = facts;
  const covered = publishedYears.length > 0 ? `，收录${publishedYears[0]}—${publishedYears.at(-1)}年` : '';
  return {
    year,
    published,
    specialDays: facts.days.filter((d) => d.kind !== 'workday' && d.kind !== 'weekend'),
    workingDays: facts.days.filter((d) => d.working).length,
    overrides: [...facts.overrides].sort((a, b) => a.date.localeCompare(b.date)),
    source: published
      ? `国务院办公厅关于${year}年部分节假日安排的通知（${dataSource}）`
      : `${year}年节假日安排尚未发布或未收录（${dataSource}${covered}），${statutoryNote(year)}`,
  };
}

function statutoryNote(year: number): string {
  return year >= STATUTORY_RULES_FROM
    ? '暂按《全国年节及纪念日放假办法》规定的法定节假日和周一至周五计算，调休上班日和补假以国务院通知为准'
    : '暂按周一至周五计算';
}
