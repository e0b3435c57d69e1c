import { createWorkingCalendar } from '@govhall/calendar';
import { applyCaseEvent } from '../clocks/apply-case-event';
import type { CaseEvent } from '../clocks/case-event';
import { caseEvent } from '../clocks/case-event.test-double';
import { computeMatterClock } from '../clocks/compute-matter-clock';
import type { Matter } from '../clocks/matter';
import { signalCauses, signalChanges } from './signal-causes';
import { highestLevel } from './signal-level';
import { defaultThresholds, thresholdViolations } from './thresholds';

const calendar = createWorkingCalendar();
const rules = defaultThresholds('620321');

function matterOf(events: CaseEvent[]): Matter {
  let m: Matter | undefined;
  for (const e of events) m = applyCaseEvent(m, e) ?? m;
  return m!;
}

// Accepted Monday 2026-11-02: promised 5 (due 11-09), statutory 20 (due 11-30).
const step = {
  index: 1,
  name: '审核',
  role: 'reviewer',
  department: '620321-SCJG',
  budgetWorkingDays: 4,
  startedDate: '2026-11-02',
  finishedDate: '',
  handledBy: '',
};
const accepted = [
  caseEvent(1, 'registered_at_counter', '2026-11-02', { facts: { status: 'pre_review' } }),
  caseEvent(2, 'accepted', '2026-11-02', { facts: { activeStep: step } }),
];
const causesOn = (today: string, m = matterOf(accepted), t = rules) =>
  signalCauses(computeMatterClock(m, calendar, today), t);

describe('signals of a clock (预警 / 黄牌 / 红牌)', () => {
  it('none while more than 1 working day and more than 25% remain', () => {
    expect(causesOn('2026-11-03')).toEqual([]);
  });

  it('预警 at 25% of the promised limit or 1 working day left', () => {
    // 11-06: 1 day left of 5 (20%).
    expect(causesOn('2026-11-06')).toEqual([
      { rule: 'promised.warning', level: 'warning', reason: '承诺办结时限剩余1个工作日（共5个工作日）', stepIndex: 0 },
    ]);
    // With N = 0 and P = 40: 2 days of 5 left is 40%.
    const byPercent = { ...rules, warningRemainingWorkingDays: 0, warningRemainingPercent: 40 };
    expect(causesOn('2026-11-05', undefined, byPercent).map((c) => c.rule)).toEqual(['promised.warning']);
    expect(causesOn('2026-11-04', undefined, byPercent)).toEqual([]);
  });

  it('黄牌 when a step budget is exceeded, and when the promised limit is', () => {
    expect(causesOn('2026-11-06').map((c) => [c.rule, c.level])).toEqual([['promised.warning', 'warning']]);
    const later = causesOn('2026-11-10');
    expect(later.map((c) => [c.rule, c.level, c.stepIndex])).toEqual([
      ['promised.exceeded', 'yellow', 0],
      ['step.exceeded', 'yellow', 1],
    ]);
    expect(later[1]!.reason).toBe('环节「审核」超出时限2个工作日（时限4个工作日）');
  });

  it('红牌 when the statutory limit is exceeded', () => {
    const causes = causesOn('2026-12-01');
    expect(highestLevel(causes.map((c) => c.level))).toBe('red');
    expect(causes.find((c) => c.rule === 'statutory.exceeded')!.reason).toBe('已超过法定办理时限1个工作日');
  });

  it('each level can be turned off by the tenant', () => {
    const off = {
      ...rules,
      yellowOnPromisedExceeded: false,
      yellowOnStepExceeded: false,
      redOnStatutoryExceeded: false,
    };
    expect(causesOn('2026-12-01', undefined, off)).toEqual([]);
  });

  it('nothing for a stopped clock, before acceptance, or for an imported matter', () => {
    const done = matterOf([
      ...accepted,
      caseEvent(3, 'result_issued', '2026-11-20', { facts: { status: 'completed' } }),
    ]);
    expect(causesOn('2026-12-01', done)).toEqual([]);
    expect(causesOn('2026-12-01', matterOf(accepted.slice(0, 1)))).toEqual([]);
    expect(causesOn('2026-12-01', { ...matterOf(accepted), imported: true })).toEqual([]);
  });

  it('raises what is new and clears what ended, saying why', () => {
    const warning = causesOn('2026-11-06');
    expect(signalChanges([], warning, { state: 'running', status: 'processing', kind: 'case' }).raise).toEqual(warning);
    const later = causesOn('2026-11-10');
    const changes = signalChanges(warning, later, { state: 'running', status: 'processing', kind: 'case' });
    expect(changes.raise.map((c) => c.rule)).toEqual(['promised.exceeded', 'step.exceeded']);
    expect(changes.clear).toEqual([{ signal: warning[0], reason: '已超过承诺办结时限，转为黄牌' }]);
    // Nothing new the next day: the same signals stay.
    expect(
      signalChanges(later, causesOn('2026-11-11'), { state: 'running', status: 'processing', kind: 'case' }),
    ).toEqual({
      raise: [],
      clear: [],
    });
    // 办结 clears them all.
    const cleared = signalChanges(later, [], { state: 'stopped', status: 'completed', kind: 'case' }).clear;
    expect(cleared.map((c) => c.reason)).toEqual(['办件已办结', '办件已办结']);
  });
});

describe('threshold rules', () => {
  it('are checked field by field, in Chinese', () => {
    expect(thresholdViolations(rules)).toEqual([]);
    expect(thresholdViolations({ warningRemainingWorkingDays: -1, warningRemainingPercent: 101 })).toEqual([
      expect.objectContaining({
        path: 'thresholds.warningRemainingWorkingDays',
        message: '预警剩余工作日应为0至60之间的整数',
      }),
      expect.objectContaining({
        path: 'thresholds.warningRemainingPercent',
        message: '预警剩余比例应为0至100之间的整数（百分比）',
      }),
    ]);
  });
});
