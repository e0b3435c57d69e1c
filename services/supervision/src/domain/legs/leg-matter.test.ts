import { createWorkingCalendar } from '@govhall/calendar';
import { computeMatterClock } from '../clocks/compute-matter-clock';
import { signalCauses } from '../signals/signal-causes';
import { defaultThresholds } from '../signals/thresholds';
import { legMatter, legMatterAfter } from './leg-matter';
import { coReviewLeg, legMeta } from './leg.test-double';

const calendar = createWorkingCalendar({ overrides: [] });
// 17:30 in China on Wednesday 11-04 is still 11-04; 18:00 UTC that day is Thursday 11-05 in China.
const finished = (end: 'completed' | 'cancelled', at = '2026-11-04T18:00:00Z') =>
  coReviewLeg({ state: 'finished', end, finishedAt: new Date(at) });

describe('a joint review leg as a supervised matter', () => {
  it('maps a started leg: its budget from the day it started, one deadline', () => {
    const m = legMatter(coReviewLeg(), legMeta(2));
    expect(m).toMatchObject({
      matterId: 'jr-1:co_review:1',
      kind: 'joint_review_leg',
      tenant: '620321',
      caseNumber: '620321-20261102-0001',
      itemName: '建设工程规划许可',
      itemBasicCode: '000173002000',
      department: '620321-ZJJ',
      responsible: 'ycx-zjj',
      responsibleRole: '',
      status: 'running',
      receivedDate: '2026-11-02',
      acceptedDate: '2026-11-02',
      endedDate: '',
      promisedLimitWorkingDays: 3,
      statutoryLimitWorkingDays: 3,
      lastEventId: 'ev-2',
      version: 2,
    });
    const clock = computeMatterClock(m, calendar, '2026-11-03');
    expect(clock).toMatchObject({ kind: 'joint_review_leg', state: 'running' });
    expect(clock.promised).toMatchObject({ dueDate: '2026-11-05', remainingWorkingDays: 2 });
    expect(clock.promised.explanation[0]).toMatch(/^协办审查时限：/);
  });

  it('names the department heads when nobody has claimed the task', () => {
    expect(legMatter(coReviewLeg({ responsible: '' }), legMeta(1)).responsibleRole).toBe('department_head');
  });

  it('gives 黄牌 past the deadline and never 红牌', () => {
    const clock = computeMatterClock(legMatter(coReviewLeg(), legMeta(1)), calendar, '2026-11-20');
    const causes = signalCauses(clock, defaultThresholds('620321'));
    expect(causes.map((c) => [c.rule, c.level])).toEqual([['promised.exceeded', 'yellow']]);
    expect(causes[0]!.reason).toBe('已超过协办审查时限11个工作日');
  });

  it('stops a completed leg on the day it finished in China time', () => {
    const m = legMatter(finished('completed'), legMeta(3));
    expect(m).toMatchObject({ status: 'completed', endedDate: '2026-11-05' });
    const clock = computeMatterClock(m, calendar, '2026-11-20');
    expect(clock).toMatchObject({ state: 'stopped', onTime: true, endedDate: '2026-11-05' });
    expect(clock.promised.explanation.at(-1)).toMatch(/于2026年11月5日结束，停止计时/);
    expect(signalCauses(clock, defaultThresholds('620321'))).toEqual([]);
  });

  it('closes a cancelled leg unjudged: stopped, no signal afterwards', () => {
    const m = legMatter(finished('cancelled', '2026-11-20T02:00:00Z'), legMeta(3));
    expect(m).toMatchObject({ status: 'cancelled', endedDate: '2026-11-20' });
    const clock = computeMatterClock(m, calendar, '2026-11-30');
    expect(clock.state).toBe('stopped');
    expect(signalCauses(clock, defaultThresholds('620321'))).toEqual([]);
  });

  it('holds its pauses', () => {
    const leg = coReviewLeg({
      state: 'paused',
      pauses: [
        {
          reason: 'special_procedure',
          procedure: '听证',
          note: '',
          startedAt: new Date('2026-11-03T02:00:00Z'),
          endedAt: undefined,
        },
      ],
    });
    const m = legMatter(leg, legMeta(2));
    expect(m.status).toBe('paused');
    expect(m.pauses).toEqual([
      { kind: 'suspension', procedure: '听证', reason: '', startedDate: '2026-11-03', endedDate: '' },
    ]);
    expect(computeMatterClock(m, calendar, '2026-11-10').state).toBe('paused');
  });

  describe('the legs of escalations and delegated cases', () => {
    const kinds = [
      ['escalation_forward', '上报报送'],
      ['escalation_handling', '上级办理'],
      ['delegated_transfer', '代受理转办'],
      ['delegated_department', '部门办理'],
      ['delegated_reply', '中心答复'],
    ] as const;

    it.each(kinds)('clocks a %s leg like a co-review, named %s', (kind, name) => {
      const m = legMatter(coReviewLeg({ id: `agg-1:${kind}:1`, kind }), legMeta(1));
      expect(m).toMatchObject({ kind: 'joint_review_leg', legKind: kind, promisedLimitWorkingDays: 3 });
      const clock = computeMatterClock(m, calendar, '2026-11-20');
      expect(clock).toMatchObject({ legKind: kind, promised: { dueDate: '2026-11-05' } });
      expect(clock.promised.explanation[0]).toMatch(new RegExp(`^${name}时限：`));
      const causes = signalCauses(clock, defaultThresholds('620321'));
      expect(causes.map((c) => [c.level, c.reason])).toEqual([['yellow', `已超过${name}时限11个工作日`]]);
    });

    it('keeps the window of a window leg and names the department heads when nobody is responsible', () => {
      const m = legMatter(
        coReviewLeg({ id: 'esc-1:escalation_forward:1', kind: 'escalation_forward', windowId: 'w-7', responsible: '' }),
        legMeta(1),
      );
      expect(m).toMatchObject({ department: '620321-ZJJ', windowId: 'w-7', responsibleRole: 'department_head' });
    });

    it('holds a handling leg waiting for the sender and moves its due date by the paused working days', () => {
      const waiting = {
        reason: 'waiting_for_sender' as const,
        procedure: '',
        note: '补充材料',
        startedAt: new Date('2026-11-03T02:00:00Z'),
      };
      const kind = 'escalation_handling' as const;
      const paused = legMatter(
        coReviewLeg({ kind, state: 'paused', pauses: [{ ...waiting, endedAt: undefined }] }),
        legMeta(2),
      );
      expect(paused.pauses).toEqual([
        { kind: 'sender', procedure: '', reason: '等待下级中心补充材料', startedDate: '2026-11-03', endedDate: '' },
      ]);
      expect(computeMatterClock(paused, calendar, '2026-11-20').state).toBe('paused');
      // Waiting 11-03 to 11-05 (two working days): due 11-09 instead of 11-05.
      const resumed = legMatter(
        coReviewLeg({ kind, pauses: [{ ...waiting, endedAt: new Date('2026-11-05T02:00:00Z') }] }),
        legMeta(3),
      );
      expect(computeMatterClock(resumed, calendar, '2026-11-06').promised).toMatchObject({ dueDate: '2026-11-09' });
    });
  });

  describe('ordering', () => {
    const started = legMatter(coReviewLeg(), legMeta(2));
    const done = legMatter(finished('completed'), legMeta(4));

    it('applies a newer event and ignores an older or repeated one', () => {
      expect(legMatterAfter(undefined, coReviewLeg(), legMeta(2))).toEqual(started);
      expect(legMatterAfter(started, finished('completed'), legMeta(4))).toMatchObject({ status: 'completed' });
      expect(legMatterAfter(started, coReviewLeg(), legMeta(2))).toBeUndefined();
      expect(legMatterAfter(started, coReviewLeg(), legMeta(1))).toBeUndefined();
    });

    it('never reopens a finished leg (a late LegStarted after LegFinished)', () => {
      expect(legMatterAfter(done, coReviewLeg(), legMeta(2))).toBeUndefined();
      expect(legMatterAfter(done, coReviewLeg(), legMeta(5))).toBeUndefined();
    });

    it('takes a finish written at the same review version as the start', () => {
      expect(legMatterAfter(started, finished('cancelled'), legMeta(2))).toMatchObject({ status: 'cancelled' });
    });
  });
});
