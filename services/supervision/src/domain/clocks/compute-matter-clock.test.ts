import { createWorkingCalendar } from '@govhall/calendar';
import { applyCaseEvent } from './apply-case-event';
import type { CaseEvent } from './case-event';
import { caseEvent } from './case-event.test-double';
import { computeMatterClock } from './compute-matter-clock';
import type { Matter } from './matter';

const calendar = createWorkingCalendar();

function matterOf(events: CaseEvent[]): Matter {
  let m: Matter | undefined;
  for (const e of events) m = applyCaseEvent(m, e) ?? m;
  return m!;
}

const received = (day: string) =>
  caseEvent(1, 'registered_at_counter', day, {
    facts: { status: 'pre_review', promisedLimitWorkingDays: 0, statutoryLimitWorkingDays: 0 },
  });
const accepted = (v: number, day: string, facts: Partial<CaseEvent['facts']> = {}) =>
  caseEvent(v, 'accepted', day, { facts });

describe('the promised and statutory clocks of a case', () => {
  it('do not start before acceptance, then count working days from the day after it', () => {
    const before = computeMatterClock(matterOf([received('2026-11-02')]), calendar, '2026-11-03');
    expect(before.state).toBe('not_started');
    expect(before.promised.dueDate).toBe('');
    expect(before.promised.explanation[0]).toContain('尚未受理');

    const clock = computeMatterClock(
      matterOf([received('2026-11-02'), accepted(2, '2026-11-02')]),
      calendar,
      '2026-11-04',
    );
    expect(clock.state).toBe('running');
    expect(clock.acceptedDate).toBe('2026-11-02');
    expect(clock.promised).toMatchObject({
      startDate: '2026-11-02',
      dueDate: '2026-11-09',
      elapsedWorkingDays: 2,
      remainingWorkingDays: 3,
    });
    expect(clock.statutory).toMatchObject({ dueDate: '2026-11-30', elapsedWorkingDays: 2, remainingWorkingDays: 18 });
    expect(clock.promised.explanation.join('')).toContain('截至2026年11月4日已用2个工作日，剩余3个工作日');
  });

  it('skip weekends and national holidays, and say which (国庆节, the 调休 Saturday worked)', () => {
    const clock = computeMatterClock(
      matterOf([received('2026-09-30'), accepted(2, '2026-09-30', { promisedLimitWorkingDays: 3 })]),
      calendar,
      '2026-10-09',
    );
    // 10-01…10-07 off (国庆节), 10-08, 10-09 and the make-up Saturday 10-10 worked.
    expect(clock.promised.dueDate).toBe('2026-10-10');
    expect(clock.promised.elapsedWorkingDays).toBe(2);
    expect(clock.promised.remainingWorkingDays).toBe(1);
    expect(clock.promised.explanation[0]).toContain('国庆节');
  });

  it("skip the tenant's local holiday (calendar override)", () => {
    const local = createWorkingCalendar({ overrides: [{ date: '2026-11-17', kind: 'holiday', reason: '地方节日' }] });
    const m = matterOf([received('2026-11-16'), accepted(2, '2026-11-16', { promisedLimitWorkingDays: 3 })]);
    expect(computeMatterClock(m, calendar, '2026-11-16').promised.dueDate).toBe('2026-11-19');
    const clock = computeMatterClock(m, local, '2026-11-18');
    expect(clock.promised.dueDate).toBe('2026-11-20');
    expect(clock.promised.elapsedWorkingDays).toBe(1);
    expect(clock.promised.explanation[0]).toContain('地方节日');
  });

  it('stand still during a suspension and move the due dates by its working days', () => {
    const base = [
      received('2026-11-02'),
      accepted(2, '2026-11-02'),
      caseEvent(3, 'suspended', '2026-11-04', {
        facts: { status: 'suspended' },
        suspension: { procedure: '检验', reason: '样品检验', startedDate: '2026-11-04', endedDate: '' },
      }),
    ];
    const paused = computeMatterClock(matterOf(base), calendar, '2026-11-05');
    expect(paused.state).toBe('paused');
    expect(paused.promised.dueDate).toBe('');
    expect(paused.promised).toMatchObject({ elapsedWorkingDays: 1, remainingWorkingDays: 4, pausedWorkingDays: 2 });
    expect(paused.pauses).toEqual([
      expect.objectContaining({ kind: 'suspension', procedure: '检验', endedDate: '', workingDays: 2 }),
    ]);

    const resumed = computeMatterClock(
      matterOf([
        ...base,
        caseEvent(4, 'resumed', '2026-11-06', {
          suspension: { procedure: '检验', reason: '', startedDate: '2026-11-04', endedDate: '2026-11-06' },
        }),
      ]),
      calendar,
      '2026-11-06',
    );
    expect(resumed.state).toBe('running');
    expect(resumed.promised).toMatchObject({
      dueDate: '2026-11-11',
      pausedWorkingDays: 2,
      elapsedWorkingDays: 2,
      remainingWorkingDays: 3,
    });
    expect(resumed.statutory.dueDate).toBe('2026-12-02');
    expect(resumed.promised.explanation.join('')).toContain(
      '暂停计时（特别程序：检验）：自2026年11月4日起至2026年11月6日恢复计时，不计入2个工作日',
    );
  });

  it('record the wait for the applicant (one-time notice to resubmission) before the clock starts', () => {
    const m = matterOf([
      caseEvent(1, 'submitted', '2026-11-02', {
        facts: { channel: 'online', status: 'pre_review', receivedDate: '2026-11-02' },
      }),
      caseEvent(2, 'one_time_notice_issued', '2026-11-03', { facts: { channel: 'online', status: 'supplement' } }),
      caseEvent(3, 'submitted', '2026-11-05', { facts: { channel: 'online', status: 'pre_review' } }),
      accepted(4, '2026-11-06', { channel: 'online' }),
    ]);
    const clock = computeMatterClock(m, calendar, '2026-11-09');
    expect(clock.receivedDate).toBe('2026-11-02');
    expect(clock.noticeDueDate).toBe('2026-11-09');
    expect(clock.pauses).toEqual([
      expect.objectContaining({
        kind: 'applicant',
        startedDate: '2026-11-03',
        endedDate: '2026-11-05',
        workingDays: 2,
      }),
    ]);
    expect(clock.promised).toMatchObject({
      startDate: '2026-11-06',
      dueDate: '2026-11-13',
      pausedWorkingDays: 0,
      elapsedWorkingDays: 1,
    });
  });

  it('pause for an applicant wait after acceptance (awaiting paper) too', () => {
    const m = matterOf([
      received('2026-11-02'),
      accepted(2, '2026-11-02'),
      caseEvent(3, 'awaiting_paper', '2026-11-04', { facts: { status: 'awaiting_paper' } }),
    ]);
    const clock = computeMatterClock(m, calendar, '2026-11-06');
    expect(clock.state).toBe('paused');
    expect(clock.promised).toMatchObject({ elapsedWorkingDays: 1, pausedWorkingDays: 3 });
  });

  it('start on the day of receipt for a deemed acceptance (§32)', () => {
    const m = matterOf([
      caseEvent(1, 'submitted', '2026-11-02', {
        facts: { channel: 'online', status: 'pre_review', receivedDate: '2026-11-02' },
      }),
      accepted(2, '2026-11-10', { channel: 'online', deemedAccepted: true }),
    ]);
    expect(computeMatterClock(m, calendar, '2026-11-10').promised).toMatchObject({
      startDate: '2026-11-02',
      dueDate: '2026-11-09',
      remainingWorkingDays: -1,
    });
  });

  it('move by an approved extension', () => {
    const m = matterOf([
      received('2026-11-02'),
      accepted(2, '2026-11-02'),
      caseEvent(3, 'extension_approved', '2026-11-05', { extension: { workingDays: 3, state: 'approved' } }),
    ]);
    const clock = computeMatterClock(m, calendar, '2026-11-05');
    expect(clock.promised).toMatchObject({ extensionWorkingDays: 3, dueDate: '2026-11-12', remainingWorkingDays: 5 });
    expect(clock.statutory.dueDate).toBe('2026-12-03');
    expect(clock.promised.explanation).toContain('经批准延长3个工作日。');
  });

  it('count each step against its budget and finish it at STEP_COMPLETED', () => {
    const step = {
      index: 1,
      name: '审核',
      role: 'reviewer',
      department: '620321-SCJG',
      budgetWorkingDays: 2,
      startedDate: '2026-11-02',
      finishedDate: '',
      handledBy: '',
    };
    const running = matterOf([received('2026-11-02'), accepted(2, '2026-11-02', { activeStep: step })]);
    const late = computeMatterClock(running, calendar, '2026-11-05');
    expect(late.steps).toEqual([
      expect.objectContaining({
        index: 1,
        dueDate: '2026-11-04',
        elapsedWorkingDays: 3,
        remainingWorkingDays: -1,
        overdue: true,
        finishedDate: '',
      }),
    ]);

    const done = matterOf([
      received('2026-11-02'),
      accepted(2, '2026-11-02', { activeStep: step }),
      caseEvent(3, 'step_completed', '2026-11-03', {
        step: { ...step, finishedDate: '2026-11-03', handledBy: 'ycx-reviewer' },
        facts: {
          activeStep: {
            ...step,
            index: 2,
            name: '决定',
            role: 'approver',
            budgetWorkingDays: 1,
            startedDate: '2026-11-03',
          },
        },
      }),
    ]);
    const clock = computeMatterClock(done, calendar, '2026-11-05');
    expect(clock.steps.map((s) => [s.index, s.finishedDate, s.remainingWorkingDays, s.overdue])).toEqual([
      [1, '2026-11-03', 1, false],
      [2, '', -1, true],
    ]);
    expect(clock.steps[0]!.handledBy).toBe('ycx-reviewer');
  });

  it('stop at 办结 and keep what it was then; the statutory clock stops at the decision', () => {
    const m = matterOf([
      received('2026-11-02'),
      accepted(2, '2026-11-02'),
      caseEvent(3, 'decided', '2026-11-05', { facts: { status: 'approved' } }),
      caseEvent(4, 'result_issued', '2026-11-10', { facts: { status: 'completed' } }),
    ]);
    const clock = computeMatterClock(m, calendar, '2026-11-30');
    expect(clock.state).toBe('stopped');
    expect(clock.endedDate).toBe('2026-11-10');
    expect(clock.promised).toMatchObject({ elapsedWorkingDays: 6, remainingWorkingDays: -1 });
    expect(clock.onTime).toBe(false);
    expect(clock.statutory).toMatchObject({ elapsedWorkingDays: 3, remainingWorkingDays: 17 });
    expect(clock.promised.explanation.join('')).toContain(
      '于2026年11月10日办结，停止计时，用时6个工作日，超期1个工作日',
    );
  });

  it('ignore an event older than what was applied, so redelivery and replay change nothing', () => {
    const m = matterOf([received('2026-11-02'), accepted(2, '2026-11-02')]);
    expect(applyCaseEvent(m, received('2026-11-09'))).toBeUndefined();
    expect(applyCaseEvent(m, accepted(2, '2026-11-09'))).toBeUndefined();
  });

  it('count days of an unpublished year Monday to Friday and say the clock is provisional', () => {
    const m = matterOf([received('2026-12-21'), accepted(2, '2026-12-21', { promisedLimitWorkingDays: 10 })]);
    const clock = computeMatterClock(m, calendar, '2026-12-22');
    expect(clock.promised.provisional).toBe(true);
    expect(clock.promised.dueDate > '2027-01-01').toBe(true);
  });
});

describe('a wait for payment (收缴分离, decision 3)', () => {
  it('pauses the promised clock as a wait for the applicant, not the statutory one that stopped at the decision', () => {
    const events = [
      received('2026-11-02'),
      accepted(2, '2026-11-02'),
      caseEvent(3, 'decided', '2026-11-04', { facts: { status: 'approved' } }),
      caseEvent(4, 'payment_requested', '2026-11-05', { facts: { status: 'awaiting_payment' } }),
    ];
    const waiting = matterOf(events);
    expect(waiting.pauses).toEqual([
      { kind: 'applicant', procedure: '', reason: '等待申请人缴纳费用', startedDate: '2026-11-05', endedDate: '' },
    ]);
    expect(computeMatterClock(waiting, calendar, '2026-11-06').state).toBe('paused');
    // A replayed request opens no second wait.
    expect(applyCaseEvent(waiting, events[3]!)).toBeUndefined();

    const settled = matterOf([
      ...events,
      caseEvent(5, 'payment_settled', '2026-11-09', { facts: { status: 'approved' } }),
      caseEvent(6, 'result_issued', '2026-11-10', { facts: { status: 'completed' } }),
    ]);
    expect(settled.pauses[0]!.endedDate).toBe('2026-11-09');
    const clock = computeMatterClock(settled, calendar, '2026-11-10');
    // [11-05, 11-09): Thursday and Friday held; 11-03 … 11-10 is 6 working days, 4 of them counted.
    expect(clock.promised).toMatchObject({ elapsedWorkingDays: 4, pausedWorkingDays: 2 });
    // The statutory clock stopped on 11-04 (2 working days) before the wait began.
    expect(clock.statutory).toMatchObject({ elapsedWorkingDays: 2, pausedWorkingDays: 0 });
  });
});
