import { fromDayNumber } from './iso-date';
import type { DayKind } from './types';

/** A pause as day numbers; `to` is exclusive (the resume day), +Infinity while open. */
export interface PauseSpan {
  index: number;
  from: number;
  to: number;
  reason: string;
  /** Working days it kept from counting, filled in by the walk. */
  pausedWorkingDays: number;
}

/** A day the walk met that is worth telling: skipped (a day off or paused) or a day off that was worked. */
export interface ExplainedDay {
  dayNumber: number;
  date: string;
  reason: string;
  kind: DayKind | 'paused';
  /** The festival or the override's reason, for grouping (春节 and 春节（调休） are one 春节假期). */
  name?: string;
  pause?: PauseSpan;
}

export interface ExplainInput {
  start: number;
  limitWorkingDays: number;
  extensionWorkingDays: number;
  /** Undefined while an open pause holds the clock. */
  due: number | undefined;
  counted: number;
  skipped: ExplainedDay[];
  workedDaysOff: ExplainedDay[];
  openPause: PauseSpan | undefined;
  unpublishedYears: number[];
}

function ymd(dayNumber: number): [number, number, number] {
  const [y, m, d] = fromDayNumber(dayNumber).split('-').map(Number);
  return [y!, m!, d!];
}

function fullDate(dayNumber: number): string {
  const [y, m, d] = ymd(dayNumber);
  return `${y}年${m}月${d}日`;
}

/** Without the year when it is the start's year. */
function shortDate(dayNumber: number, year: number): string {
  const [y, m, d] = ymd(dayNumber);
  return y === year ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

function range(first: number, last: number, year: number): string {
  if (first === last) return shortDate(first, year);
  const [y1, m1] = ymd(first);
  const [y2, m2, d2] = ymd(last);
  const end = y1 !== y2 ? `${y2}年${m2}月${d2}日` : m1 !== m2 ? `${m2}月${d2}日` : `${d2}日`;
  return `${shortDate(first, year)}至${end}`;
}

/** Consecutive days as ranges: 2月15日至23日、3月1日. */
function ranges(days: number[], year: number): string {
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs.map(([a, b]) => range(a, b, year)).join('、');
}

/** The skipped days in groups, in the order they first appear: 周末3天、春节假期2月15日至23日、暂停计时期间的… */
function skippedPhrase(skipped: ExplainedDay[], year: number): string {
  const groups = new Map<string, ExplainedDay[]>();
  for (const day of skipped) {
    const key = day.kind === 'paused' ? `pause:${day.pause!.index}` : `${day.kind}:${day.name ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups.values()]
    .map((days) => {
      const first = days[0]!;
      const numbers = days.map((d) => d.dayNumber);
      if (first.kind === 'weekend') return `周末${days.length}天`;
      if (first.kind === 'local-holiday') return `${ranges(numbers, year)}地方节假日（${first.name ?? ''}）`;
      if (first.kind === 'paused') {
        const pause = first.pause!;
        return `${pause.reason}期间的${days.length}个工作日（${shortDate(pause.from, year)}起，${shortDate(pause.to, year)}恢复）`;
      }
      return `${first.name ?? '节假日'}假期${ranges(numbers, year)}`;
    })
    .join('、');
}

/** 2月14日调休上班，计入 / 3月7日本地上班（…），计入 */
function workedPhrase(worked: ExplainedDay[], year: number): string {
  const makeup = worked.filter((d) => d.kind === 'makeup-workday').map((d) => shortDate(d.dayNumber, year));
  const local = worked
    .filter((d) => d.kind === 'local-workday')
    .map((d) => `${shortDate(d.dayNumber, year)}本地上班（${d.reason}）`);
  return [...(makeup.length > 0 ? [`${makeup.join('、')}调休上班`] : []), ...local].map((s) => `${s}，计入`).join('，');
}

/** One or two sentences in Chinese telling how the deadline was reached (or why it is not known yet). */
export function explainDeadline(input: ExplainInput): string {
  const year = ymd(input.start)[0];
  const budget = input.limitWorkingDays + input.extensionWorkingDays;
  const skipped = skippedPhrase(input.skipped, year);
  const worked = workedPhrase(input.workedDaysOff, year);
  const count =
    input.extensionWorkingDays > 0
      ? `${input.limitWorkingDays}个工作日并延长${input.extensionWorkingDays}个工作日`
      : `${input.limitWorkingDays}个工作日`;
  const opening = budget === 0 ? '期限为当日办结（0个工作日）' : `自${fullDate(input.start)}次日起算${count}`;
  const steps = [opening, ...(skipped ? [`跳过${skipped}`] : []), ...(worked ? [worked] : [])];
  const sentences: string[] = [];
  if (input.due !== undefined) {
    sentences.push(`${[...steps, `至${fullDate(input.due)}`].join('，')}。`);
  } else {
    const pause = input.openPause!;
    sentences.push(`${steps.join('，')}。`);
    sentences.push(
      `${fullDate(pause.from)}起${pause.reason}，尚未恢复：已计${input.counted}个工作日，尚余${budget - input.counted}个工作日，截止日期待恢复计时后确定。`,
    );
  }
  if (input.unpublishedYears.length > 0) {
    const years = input.unpublishedYears.map((y) => `${y}年`).join('、');
    const which = input.unpublishedYears.length > 1 ? '这些年份' : '该年';
    sentences.push(`${years}节假日安排尚未发布，${which}按周一至周五并扣除法定节假日计算，截止日期为暂定。`);
  }
  return sentences.join('');
}
