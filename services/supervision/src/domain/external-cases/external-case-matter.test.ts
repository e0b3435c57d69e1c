import { createWorkingCalendar } from '@govhall/calendar';
import { computeMatterClock } from '../clocks/compute-matter-clock';
import type { Matter } from '../clocks/matter';
import { signalCauses } from '../signals/signal-causes';
import { defaultThresholds } from '../signals/thresholds';
import type { ExternalCaseEvent, ExternalEventKind } from './external-case-event';
import { externalCaseMatterAfter } from './external-case-matter';

const calendar = createWorkingCalendar({ overrides: [] });
const CASE = '620321:620321-SCJG:SC-1';
let n = 0;

/** An event of case SC-1 of 620321-SCJG on `day` (10:00 China time). */
function event(kind: ExternalEventKind, day: string, over: Partial<ExternalCaseEvent> = {}): ExternalCaseEvent {
  n += 1;
  return {
    caseId: CASE,
    eventId: `env-${n}`,
    kind,
    tenant: '620321',
    department: '620321-SCJG',
    caseNumber: 'SC-1',
    itemName: '食品经营许可',
    itemBasicCode: '000117002000',
    occurredAt: new Date(`${day}T02:00:00Z`),
    applicantName: '',
    channel: '',
    promisedLimitWorkingDays: 0,
    statutoryLimitWorkingDays: 0,
    step: undefined,
    procedure: '',
    extensionWorkingDays: 0,
    outcome: '',
    handler: '王* 0012',
    ...over,
  };
}

/** The matter after each event in turn (each must change it). */
function run(...events: ExternalCaseEvent[]): Matter {
  let m: Matter | undefined;
  for (const e of events) {
    const next = externalCaseMatterAfter(m, e);
    expect(next).toBeDefined();
    m = next;
  }
  return m!;
}

const received = (day = '2026-11-02') =>
  event('received', day, {
    applicantName: '张*',
    channel: 'online',
    promisedLimitWorkingDays: 5,
    statutoryLimitWorkingDays: 20,
  });

describe('a case run in a department system as a supervised matter', () => {
  it('starts on receipt with the limits, and its clocks on acceptance', () => {
    const r = run(received());
    expect(r).toMatchObject({
      matterId: CASE,
      kind: 'case',
      tenant: '620321',
      department: '620321-SCJG',
      caseNumber: 'SC-1',
      itemName: '食品经营许可',
      status: 'received',
      receivedDate: '2026-11-02',
      acceptedDate: '',
      channel: 'online',
      applicantName: '张*',
      promisedLimitWorkingDays: 5,
      statutoryLimitWorkingDays: 20,
      responsible: '',
      responsibleRole: 'department_head',
      version: 1,
    });
    expect(computeMatterClock(r, calendar, '2026-11-03').state).toBe('not_started');
    const a = run(received(), event('accepted', '2026-11-03'));
    expect(a).toMatchObject({ status: 'processing', acceptedDate: '2026-11-03', version: 2 });
    expect(computeMatterClock(a, calendar, '2026-11-04').promised).toMatchObject({ dueDate: '2026-11-10' });
  });

  it('takes the limits an acceptance states over those of receipt', () => {
    const m = run(received(), event('accepted', '2026-11-02', { promisedLimitWorkingDays: 3 }));
    expect(m).toMatchObject({ promisedLimitWorkingDays: 3, statutoryLimitWorkingDays: 20 });
  });

  it('waits for the applicant between a one-time notice and the supplement', () => {
    const m = run(received(), event('one_time_notice', '2026-11-03'), event('supplemented', '2026-11-05'));
    expect(m.status).toBe('received');
    expect(m.pauses).toEqual([
      {
        kind: 'applicant',
        procedure: '',
        reason: '等待申请人补正材料（一次性告知）',
        startedDate: '2026-11-03',
        endedDate: '2026-11-05',
      },
    ]);
  });

  it('pauses for a §45 procedure and moves the due date; an extension adds its days', () => {
    const accepted = [received(), event('accepted', '2026-11-02')] as const;
    const suspended = run(...accepted, event('suspended', '2026-11-03', { procedure: '检验' }));
    expect(suspended.status).toBe('suspended');
    expect(computeMatterClock(suspended, calendar, '2026-11-20').state).toBe('paused');
    const resumed = run(
      ...accepted,
      event('suspended', '2026-11-03', { procedure: '检验' }),
      event('resumed', '2026-11-05'),
      event('extended', '2026-11-06', { extensionWorkingDays: 3 }),
    );
    expect(resumed).toMatchObject({ status: 'processing', extensionWorkingDays: 3 });
    expect(resumed.pauses[0]).toMatchObject({ kind: 'suspension', procedure: '检验', endedDate: '2026-11-05' });
    // 5 days from 11-02 is 11-09; two paused days and three extended: 11-16.
    expect(computeMatterClock(resumed, calendar, '2026-11-06').promised).toMatchObject({ dueDate: '2026-11-16' });
  });

  it('clocks each step against its budget', () => {
    const step = { index: 2, name: '审查', budgetWorkingDays: 1 };
    const m = run(received(), event('accepted', '2026-11-02'), event('step_started', '2026-11-02', { step }));
    expect(m.steps).toEqual([
      {
        index: 2,
        name: '审查',
        role: '',
        department: '620321-SCJG',
        budgetWorkingDays: 1,
        startedDate: '2026-11-02',
        finishedDate: '',
        handledBy: '王* 0012',
      },
    ]);
    const causes = signalCauses(computeMatterClock(m, calendar, '2026-11-04'), defaultThresholds('620321'));
    expect(causes.map((c) => c.rule)).toContain('step.exceeded');
    const done = externalCaseMatterAfter(m, event('step_finished', '2026-11-03', { step }))!;
    expect(done.steps[0]!.finishedDate).toBe('2026-11-03');
  });

  it('is judged against the promised limit: 黄牌 past it, 红牌 past the statutory one', () => {
    const m = run(received(), event('accepted', '2026-11-02'));
    const late = signalCauses(computeMatterClock(m, calendar, '2026-11-11'), defaultThresholds('620321'));
    expect(late.map((c) => [c.rule, c.level, c.reason])).toEqual([
      ['promised.exceeded', 'yellow', '已超过承诺办结时限2个工作日'],
    ]);
    const red = signalCauses(computeMatterClock(m, calendar, '2026-12-10'), defaultThresholds('620321'));
    expect(red.map((c) => c.level)).toContain('red');
  });

  it('stops the statutory clock at an approval and every clock at the result (办结)', () => {
    const decided = run(
      received(),
      event('accepted', '2026-11-02'),
      event('decided', '2026-11-05', { outcome: 'approved' }),
    );
    expect(decided).toMatchObject({ status: 'approved', decidedDate: '2026-11-05', endedDate: '' });
    const done = externalCaseMatterAfter(decided, event('result_issued', '2026-11-06'))!;
    expect(done).toMatchObject({ status: 'completed', endedDate: '2026-11-06' });
    const clock = computeMatterClock(done, calendar, '2026-12-01');
    expect(clock).toMatchObject({ state: 'stopped', onTime: true });
    // Delivered afterwards: its status alone; nothing else moves a case that ended.
    const delivered = externalCaseMatterAfter(done, event('delivered', '2026-11-09'))!;
    expect(delivered).toMatchObject({ status: 'delivered', endedDate: '2026-11-06' });
    expect(externalCaseMatterAfter(delivered, event('suspended', '2026-11-10'))).toBeUndefined();
  });

  it('ends at a denial, a refusal to accept or a withdrawal, closing an open pause', () => {
    const accepted = [received(), event('accepted', '2026-11-02')] as const;
    expect(run(...accepted, event('decided', '2026-11-04', { outcome: 'denied' }))).toMatchObject({
      status: 'completed',
      decidedDate: '2026-11-04',
      endedDate: '2026-11-04',
    });
    expect(run(received(), event('not_accepted', '2026-11-03'))).toMatchObject({
      status: 'not_accepted',
      acceptedDate: '',
      decidedDate: '',
      endedDate: '2026-11-03',
    });
    const withdrawn = run(...accepted, event('suspended', '2026-11-03'), event('withdrawn', '2026-11-05'));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', endedDate: '2026-11-05' });
    expect(withdrawn.pauses[0]!.endedDate).toBe('2026-11-05');
  });

  it('ignores the same event delivered twice, and a fee changes no clock', () => {
    const r = received();
    const m = run(r);
    expect(externalCaseMatterAfter(m, r)).toBeUndefined();
    const fee = externalCaseMatterAfter(m, event('fee_assessed', '2026-11-02'))!;
    expect(fee).toMatchObject({ status: 'received', receivedDate: '2026-11-02', version: 2 });
  });
});
