import { computeDeadline, stepDueDates, workingDaysLeft } from './deadline';
import { CalendarInputError } from './errors';
import { fromDayNumber, toDayNumber } from './iso-date';
import type { Pause } from './types';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();

function reasons(skipped: { date: string; reason: string }[]): Record<string, string> {
  return Object.fromEntries(skipped.map((s) => [s.date, s.reason]));
}

describe('computeDeadline on the 2026 calendar', () => {
  it('5 working days after 2026-02-12 end on 02-26: 春节 15-23 skipped, the make-up Saturday 14 counted', () => {
    const deadline = computeDeadline(calendar, { startDate: '2026-02-12', limitWorkingDays: 5 });
    expect(deadline).toEqual({
      dueDate: '2026-02-26',
      startDate: '2026-02-12',
      limitWorkingDays: 5,
      extensionWorkingDays: 0,
      suspendedWorkingDays: 0,
      provisional: false,
      skipped: [
        { date: '2026-02-15', reason: '春节' }, // Sunday within the break
        { date: '2026-02-16', reason: '春节' }, // 除夕, statutory
        { date: '2026-02-17', reason: '春节' },
        { date: '2026-02-18', reason: '春节' },
        { date: '2026-02-19', reason: '春节' },
        { date: '2026-02-20', reason: '春节（调休）' }, // a Friday off in exchange for 02-14
        { date: '2026-02-21', reason: '春节' },
        { date: '2026-02-22', reason: '春节' },
        { date: '2026-02-23', reason: '春节（调休）' }, // a Monday off in exchange for 02-28
      ],
      explanation:
        '自2026年2月12日次日起算5个工作日，跳过春节假期2月15日至23日，2月14日调休上班，计入，至2026年2月26日。',
    });
  });

  it.each([
    // start, limit, extension, due: a start on a day off starts the count on the next working day
    ['received on a holiday', '2026-02-18', 1, 0, '2026-02-24'],
    ['received on a Saturday', '2026-03-07', 1, 0, '2026-03-09'],
    ['same day (即办件) on a working day', '2026-03-06', 0, 0, '2026-03-06'],
    ['same day (即办件) on a Saturday: the next working day', '2026-03-07', 0, 0, '2026-03-09'],
    ['§42: 20 working days across 中秋 and 国庆', '2026-09-21', 20, 0, '2026-10-26'],
    ['§42 with the +10 extension', '2026-09-21', 20, 10, '2026-11-09'],
  ])('%s: %s + %i (+%i) → %s', (_name, startDate, limit, extension, due) => {
    const deadline = computeDeadline(calendar, {
      startDate,
      limitWorkingDays: limit,
      extensionWorkingDays: extension,
    });
    expect(deadline.dueDate).toBe(due);
    expect(deadline.extensionWorkingDays).toBe(extension);
    if (limit + extension > 0) expect(calendar.addWorkingDays(startDate, limit + extension)).toBe(due);
  });

  it('a start on a day off lists the days off up to the first counted day', () => {
    const deadline = computeDeadline(calendar, { startDate: '2026-02-18', limitWorkingDays: 1 });
    expect(deadline.skipped.map((s) => s.date)).toEqual([
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(deadline.explanation).toBe('自2026年2月18日次日起算1个工作日，跳过春节假期2月19日至23日，至2026年2月24日。');
  });

  it('an extension adds its days after the limit and says so', () => {
    const deadline = computeDeadline(calendar, {
      startDate: '2026-09-21',
      limitWorkingDays: 20,
      extensionWorkingDays: 10,
    });
    expect(deadline.dueDate).toBe(calendar.addWorkingDays('2026-10-26', 10));
    expect(deadline.explanation).toMatch(/^自2026年9月21日次日起算20个工作日并延长10个工作日，/);
    expect(deadline.explanation).toMatch(/至2026年11月9日。$/);
  });
});

describe('pauses', () => {
  // Accepted Monday 2026-09-21, 20 working days: due 10-26 without a pause.
  const accepted = { startDate: '2026-09-21', limitWorkingDays: 20 };

  it('a §45 suspension across 国庆 moves the due date by exactly its working days', () => {
    // Suspended 09-28, resumed 10-13: the working days in it are 09-28, 09-29, 09-30, 10-08, 10-09, the make-up
    // Saturday 10-10 and 10-12 — seven; 10-01..07 and the Sunday 10-11 would not have counted anyway.
    const pause: Pause = { from: '2026-09-28', to: '2026-10-13', reason: '特别程序：专家评审' };
    const without = computeDeadline(calendar, accepted);
    const withPause = computeDeadline(calendar, { ...accepted, pauses: [pause] });
    expect(without.dueDate).toBe('2026-10-26');
    expect(withPause.suspendedWorkingDays).toBe(7);
    expect(withPause.dueDate).toBe('2026-11-04');
    expect(withPause.dueDate).toBe(calendar.addWorkingDays(without.dueDate, 7));
    const why = reasons(withPause.skipped);
    expect(why['2026-09-28']).toBe('特别程序：专家评审');
    expect(why['2026-10-10']).toBe('特别程序：专家评审'); // a make-up working day, paused
    expect(why['2026-10-01']).toBe('国庆节'); // a holiday inside the pause stays a holiday
    expect(why['2026-10-06']).toBe('国庆节（调休）');
    expect(why['2026-10-11']).toBe('周末');
    expect(why['2026-10-13']).toBeUndefined(); // the resume day counts
    expect(withPause.explanation).toBe(
      '自2026年9月21日次日起算20个工作日，跳过中秋节假期9月25日至27日、特别程序：专家评审期间的7个工作日（9月28日起，10月13日恢复）、国庆节假期10月1日至7日、周末7天，至2026年11月4日。',
    );
  });

  it('two pauses add up, and overlapping ones count a day once', () => {
    const pauses: Pause[] = [
      { from: '2026-09-23', to: '2026-09-25', reason: '等待申请人补正材料' }, // Wed, Thu: 2
      { from: '2026-10-14', to: '2026-10-21', reason: '等待缴费' }, // Wed 14 … Tue 20: 5
    ];
    const deadline = computeDeadline(calendar, { ...accepted, pauses });
    expect(deadline.suspendedWorkingDays).toBe(7);
    expect(deadline.dueDate).toBe(calendar.addWorkingDays('2026-10-26', 7));
    const overlapping = computeDeadline(calendar, {
      ...accepted,
      pauses: [...pauses, { from: '2026-10-15', to: '2026-10-17' }],
    });
    expect(overlapping.suspendedWorkingDays).toBe(7);
    expect(overlapping.dueDate).toBe(deadline.dueDate);
  });

  it('a pause after the due date does not move it; one before the start does not either', () => {
    const late = computeDeadline(calendar, { ...accepted, pauses: [{ from: '2026-10-27', to: '2026-11-10' }] });
    const early = computeDeadline(calendar, { ...accepted, pauses: [{ from: '2026-09-01', to: '2026-09-22' }] });
    expect(late).toMatchObject({ dueDate: '2026-10-26', suspendedWorkingDays: 0 });
    expect(early).toMatchObject({ dueDate: '2026-10-26', suspendedWorkingDays: 0 });
  });

  it('an open pause stops the clock: no due date yet, and the explanation gives the days used and left', () => {
    const deadline = computeDeadline(calendar, {
      ...accepted,
      pauses: [{ from: '2026-09-28', reason: '特别程序：检验' }],
    });
    expect(deadline).toMatchObject({ dueDate: '', suspendedWorkingDays: 0, provisional: false });
    expect(deadline.skipped).toEqual([
      { date: '2026-09-25', reason: '中秋节' },
      { date: '2026-09-26', reason: '中秋节' },
      { date: '2026-09-27', reason: '中秋节' },
    ]);
    expect(deadline.explanation).toBe(
      '自2026年9月21日次日起算20个工作日，跳过中秋节假期9月25日至27日。2026年9月28日起特别程序：检验，尚未恢复：已计3个工作日，尚余17个工作日，截止日期待恢复计时后确定。',
    );
    // Once it is closed, the due date is the one of a closed pause.
    const closed = computeDeadline(calendar, { ...accepted, pauses: [{ from: '2026-09-28', to: '2026-10-13' }] });
    expect(closed.dueDate).toBe('2026-11-04');
  });

  it('an open pause that starts after the due date leaves the due date alone', () => {
    const deadline = computeDeadline(calendar, { ...accepted, pauses: [{ from: '2026-10-27' }] });
    expect(deadline.dueDate).toBe('2026-10-26');
  });
});

describe('unpublished years and tenant overrides', () => {
  it('a deadline running into 2028 is provisional, counted Monday to Friday less the statutory holidays', () => {
    // 2027 and 2028 are not in chinese-days 1.5.7. From Friday 2027-12-24: 27-31 (5), 2028-01-01 元旦 (a Saturday
    // anyway), 01-03..07 (10).
    const deadline = computeDeadline(calendar, { startDate: '2027-12-24', limitWorkingDays: 10 });
    expect(deadline).toMatchObject({ dueDate: '2028-01-07', provisional: true });
    expect(reasons(deadline.skipped)).toEqual({
      '2027-12-25': '周末',
      '2027-12-26': '周末',
      '2028-01-01': '元旦',
      '2028-01-02': '周末',
    });
    expect(deadline.explanation).toBe(
      '自2027年12月24日次日起算10个工作日，跳过周末3天、元旦假期2028年1月1日，至2028年1月7日。2027年、2028年节假日安排尚未发布，这些年份按周一至周五并扣除法定节假日计算，截止日期为暂定。',
    );
  });

  it('from 2026 into 2028 it agrees with addWorkingDaysProvisional and is flagged; inside 2026 it is not', () => {
    const long = computeDeadline(calendar, { startDate: '2026-12-01', limitWorkingDays: 300 });
    expect(long.dueDate.slice(0, 4)).toBe('2028');
    expect(long.dueDate).toBe(calendar.addWorkingDaysProvisional('2026-12-01', 300).date);
    expect(long.provisional).toBe(true);
    expect(computeDeadline(calendar, { startDate: '2026-12-01', limitWorkingDays: 21 })).toMatchObject({
      dueDate: '2026-12-30',
      provisional: false,
    });
  });

  it("skips a tenant's local holiday with its reason", () => {
    const guangxi = createWorkingCalendar({
      overrides: [{ date: '2026-04-20', kind: 'holiday', reason: '壮族三月三' }],
    });
    const deadline = computeDeadline(guangxi, { startDate: '2026-04-10', limitWorkingDays: 10 });
    expect(deadline.dueDate).toBe('2026-04-27');
    expect(computeDeadline(calendar, { startDate: '2026-04-10', limitWorkingDays: 10 }).dueDate).toBe('2026-04-24');
    expect(reasons(deadline.skipped)['2026-04-20']).toBe('地方节假日：壮族三月三');
    expect(deadline.explanation).toBe(
      '自2026年4月10日次日起算10个工作日，跳过周末6天、4月20日地方节假日（壮族三月三），至2026年4月27日。',
    );
  });
});

describe('bad input', () => {
  it.each([
    ['startDate', { startDate: '2026-02-30', limitWorkingDays: 5 }, /startDate 日期无效/],
    ['limit', { startDate: '2026-02-12', limitWorkingDays: -1 }, /limitWorkingDays 工作日天数无效/],
    ['extension', { startDate: '2026-02-12', limitWorkingDays: 5, extensionWorkingDays: 1.5 }, /extensionWorkingDays/],
    [
      'pause date',
      { startDate: '2026-02-12', limitWorkingDays: 5, pauses: [{ from: '2026-13-01' }] },
      /pauses\[0\]\.from/,
    ],
    [
      'resume before pause',
      { startDate: '2026-02-12', limitWorkingDays: 5, pauses: [{ from: '2026-03-02', to: '2026-03-01' }] },
      /pauses\[0\]\.to 2026-03-01 早于 from/,
    ],
    [
      'empty reason',
      { startDate: '2026-02-12', limitWorkingDays: 5, pauses: [{ from: '2026-03-02', reason: ' ' }] },
      /pauses\[0\]\.reason 不能为空/,
    ],
  ])('%s is refused with CalendarInputError naming the field', (_name, input, message) => {
    expect(() => computeDeadline(calendar, input)).toThrow(CalendarInputError);
    expect(() => computeDeadline(calendar, input)).toThrow(message);
  });
});

describe('workingDaysLeft', () => {
  it.each([
    ['2026-02-12', 5], // the start: the whole limit
    ['2026-02-13', 4],
    ['2026-02-20', 3], // during 春节: 24, 25, 26 left
    ['2026-02-26', 0], // the due date
    ['2026-02-27', -1],
    ['2026-03-01', -2], // Sunday: 27 and the make-up Saturday 28 are past
    ['2026-03-02', -3],
  ])('on %s with 2026-02-26 due: %i', (today, left) => {
    expect(workingDaysLeft(calendar, today, '2026-02-26')).toBe(left);
    expect(workingDaysLeft(calendar, today, { startDate: '2026-02-12', limitWorkingDays: 5 })).toBe(left);
  });

  it('a pause stops the count: during it the days left stay, after it they run again', () => {
    const input = {
      startDate: '2026-09-21',
      limitWorkingDays: 20,
      pauses: [{ from: '2026-09-28', to: '2026-10-13' }],
    };
    const { dueDate } = computeDeadline(calendar, input);
    for (const today of ['2026-09-27', '2026-09-28', '2026-10-09', '2026-10-12']) {
      expect(workingDaysLeft(calendar, today, dueDate, input.pauses)).toBe(17);
      expect(workingDaysLeft(calendar, today, input)).toBe(17);
    }
    expect(workingDaysLeft(calendar, '2026-10-13', dueDate, input.pauses)).toBe(16);
  });

  it('an open pause freezes the days left at its start, by the deadline or by the due date from before it', () => {
    const open = { startDate: '2026-09-21', limitWorkingDays: 20, pauses: [{ from: '2026-09-28' }] };
    for (const today of ['2026-09-28', '2026-10-30', '2027-03-01']) {
      expect(workingDaysLeft(calendar, today, open)).toBe(17);
      expect(workingDaysLeft(calendar, today, '2026-10-26', open.pauses)).toBe(17);
    }
    expect(() => workingDaysLeft(calendar, '2026-10-01', '', open.pauses)).toThrow(/dueDate 为空/);
  });

  it('overdue while paused does not grow', () => {
    const pauses = [{ from: '2026-10-28', to: '2026-11-02' }];
    expect(workingDaysLeft(calendar, '2026-10-27', '2026-10-26', pauses)).toBe(-1);
    expect(workingDaysLeft(calendar, '2026-10-30', '2026-10-26', pauses)).toBe(-1);
    expect(workingDaysLeft(calendar, '2026-11-02', '2026-10-26', pauses)).toBe(-2);
  });
});

describe('stepDueDates', () => {
  const budgets = [1, 10, 5, 2, 2]; // 受理 审查 决定 制证 送达 = 20

  it('runs the steps one after another; the last is due on the deadline of the sum', () => {
    const steps = stepDueDates(calendar, '2026-09-21', budgets);
    expect(steps).toEqual([
      { startDate: '2026-09-21', budgetWorkingDays: 1, dueDate: '2026-09-22', provisional: false },
      { startDate: '2026-09-22', budgetWorkingDays: 10, dueDate: '2026-10-13', provisional: false },
      { startDate: '2026-10-13', budgetWorkingDays: 5, dueDate: '2026-10-20', provisional: false },
      { startDate: '2026-10-20', budgetWorkingDays: 2, dueDate: '2026-10-22', provisional: false },
      { startDate: '2026-10-22', budgetWorkingDays: 2, dueDate: '2026-10-26', provisional: false },
    ]);
    expect(steps.at(-1)!.dueDate).toBe(
      computeDeadline(calendar, { startDate: '2026-09-21', limitWorkingDays: 20 }).dueDate,
    );
  });

  it('a pause moves the steps it falls in and every later one; an open pause leaves later steps without a date', () => {
    const pauses = [{ from: '2026-09-28', to: '2026-10-13' }];
    const steps = stepDueDates(calendar, '2026-09-21', budgets, pauses);
    expect(steps.map((s) => s.dueDate)).toEqual(['2026-09-22', '2026-10-22', '2026-10-29', '2026-11-02', '2026-11-04']);
    const open = stepDueDates(calendar, '2026-09-21', budgets, [{ from: '2026-09-28' }]);
    expect(open.map((s) => s.dueDate)).toEqual(['2026-09-22', '', '', '', '']);
    expect(() => stepDueDates(calendar, '2026-09-21', [1, -2])).toThrow(/budgets\[1\]/);
  });
});

/** A small deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('invariants over random deadlines in 2025-2026 (published years)', () => {
  /*
   * For n = limit + extension ≥ 1 and closed pauses P, with S = suspendedWorkingDays and
   * counts(d) = "d is a working day and no pause of P contains d":
   *  1. workingDaysBetween(start, due) === n + S, i.e. due === addWorkingDays(start, n + S): the due date is the
   *     deadline without pauses moved by exactly the paused working days;
   *  2. S === #{d in (start, due] : d is a working day and some pause contains d};
   *  3. counts(due), and #{d in (start, due] : counts(d)} === n;
   *  4. skipped lists exactly the days in (start, due] that do not count, ascending, each with a reason;
   *  5. workingDaysLeft(today, due, P) === n - #{d in (start, today] : counts(d)} for every today from start to
   *     due + 10 days, and the deadline form of workingDaysLeft agrees.
   */
  const next = random(20_260_212);
  const first = toDayNumber('2025-01-01');
  const cases = Array.from({ length: 120 }, () => {
    const start = first + Math.floor(next() * 540);
    const limit = 1 + Math.floor(next() * 45);
    const extension = next() < 0.3 ? Math.floor(next() * 11) : 0;
    const pauses: Pause[] = Array.from({ length: Math.floor(next() * 3) }, () => {
      const from = start - 5 + Math.floor(next() * 60);
      return { from: fromDayNumber(from), to: fromDayNumber(from + Math.floor(next() * 20)) };
    });
    return { startDate: fromDayNumber(start), limitWorkingDays: limit, extensionWorkingDays: extension, pauses };
  });

  it('hold for 120 random cases', () => {
    const failures: string[] = [];
    const check = (label: string, what: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        failures.push(`${label} ${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    };
    for (const input of cases) {
      const d = computeDeadline(calendar, input);
      const n = input.limitWorkingDays + input.extensionWorkingDays;
      const start = toDayNumber(input.startDate);
      const due = toDayNumber(d.dueDate);
      const spans = input.pauses.map((p) => [toDayNumber(p.from), toDayNumber(p.to!)] as const);
      const paused = (day: number) => spans.some(([from, to]) => from <= day && day < to);
      const working = (day: number) => calendar.isWorkingDay(fromDayNumber(day));
      const counts = (day: number) => working(day) && !paused(day);
      const label = JSON.stringify(input);

      check(label, '1 between', calendar.workingDaysBetween(input.startDate, d.dueDate), n + d.suspendedWorkingDays);
      check(label, '1 add', d.dueDate, calendar.addWorkingDays(input.startDate, n + d.suspendedWorkingDays));
      let suspended = 0;
      let counted = 0;
      const notCounted: string[] = [];
      for (let day = start + 1; day <= due; day += 1) {
        if (working(day) && paused(day)) suspended += 1;
        if (counts(day)) counted += 1;
        else notCounted.push(fromDayNumber(day));
      }
      check(label, '2 suspended', d.suspendedWorkingDays, suspended);
      check(label, '3 counted', [counted, counts(due)], [n, true]);
      check(
        label,
        '4 skipped',
        d.skipped.map((s) => s.date),
        notCounted,
      );
      check(
        label,
        '4 reasons',
        d.skipped.every((s) => s.reason.length > 0),
        true,
      );

      let used = 0;
      for (let today = start; today <= due + 10; today += 1) {
        if (today > start && counts(today)) used += 1;
        const t = fromDayNumber(today);
        check(label, `5 left on ${t}`, workingDaysLeft(calendar, t, d.dueDate, input.pauses), n - used);
        if (today % 3 === 0) check(label, `5 left (deadline) on ${t}`, workingDaysLeft(calendar, t, input), n - used);
      }
    }
    expect(failures).toEqual([]);
  });
});
