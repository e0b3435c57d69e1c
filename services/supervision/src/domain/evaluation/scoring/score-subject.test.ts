import { emptyCounts, ratesOf, type KpiCounts, type KpiFigures } from '../kpi';
import { scoreIndicator, scoreSubject } from './score-subject';
import { defaultStandard, standardInEffect, type Indicator, type ScoringStandard } from './scoring-standard';

function figures(counts: Partial<KpiCounts>): KpiFigures {
  const c = { ...emptyCounts(), ...counts };
  return {
    subject: { level: 'department', id: '620321-SCJG', tenant: '620321' },
    period: { kind: 'quarter', key: '2026-Q4' },
    counts: c,
    rates: ratesOf(c),
  };
}

const onTime: Indicator = {
  code: 'ON_TIME',
  name: '按时办结率',
  measure: 'onTimeRate',
  direction: 'higher_better',
  target: 100,
  fullMarks: 30,
  loss: 'linear',
  pointsPerUnit: 0.5,
  floor: 0,
};

describe('scoreIndicator', () => {
  it('loses points linearly per percentage point short of the target and says so', () => {
    const s = scoreIndicator(onTime, figures({ completed: 25, onTime: 24 }));
    expect(s).toMatchObject({ points: 28, value: 96, line: '按时办结率 96.0%，目标 100%，扣 2 分' });
  });

  it('keeps full marks at or above the target', () => {
    const s = scoreIndicator({ ...onTime, target: 90 }, figures({ completed: 10, onTime: 10 }));
    expect(s).toMatchObject({ points: 30, line: '按时办结率 100.0%，目标 90%，不扣分' });
  });

  it('never goes below the floor and names it', () => {
    const s = scoreIndicator({ ...onTime, floor: 10 }, figures({ completed: 10, onTime: 2 }));
    expect(s.points).toBe(10);
    expect(s.line).toBe('按时办结率 20.0%，目标 100%，扣 20 分（已扣至最低 10 分）');
  });

  it('gives full marks when the rate has no data (no case ended), never 0% or 100%', () => {
    const s = scoreIndicator(onTime, figures({}));
    expect(s).toEqual({
      code: 'ON_TIME',
      name: '按时办结率',
      fullMarks: 30,
      points: 30,
      line: '按时办结率 无数据，不扣分',
    });
  });

  it('deducts per whole item above a count target', () => {
    const red: Indicator = {
      ...onTime,
      code: 'RED',
      name: '红牌',
      measure: 'redCards',
      direction: 'lower_better',
      target: 1,
      fullMarks: 10,
      loss: 'per_item',
      pointsPerUnit: 3,
    };
    expect(scoreIndicator(red, figures({ redCards: 3 }))).toMatchObject({
      points: 4,
      line: '红牌 3次，目标 1次，扣 6 分',
    });
    expect(scoreIndicator(red, figures({ redCards: 1 }))).toMatchObject({
      points: 10,
      line: '红牌 1次，目标 1次，不扣分',
    });
  });

  it('reads a lower-is-better average in its own unit', () => {
    const days: Indicator = {
      ...onTime,
      code: 'DAYS',
      name: '平均办理天数',
      measure: 'averageWorkingDays',
      direction: 'lower_better',
      target: 5,
      fullMarks: 10,
      pointsPerUnit: 1,
    };
    const s = scoreIndicator(days, figures({ completed: 2, workingDaysUsed: 15 }));
    expect(s).toMatchObject({ points: 7.5, line: '平均办理天数 7.5个工作日，目标 5个工作日，扣 2.5 分' });
  });
});

describe('scoreSubject', () => {
  const standard = defaultStandard('620321');

  it('adds the indicators, subtracts violations and sanctions, and grades the total', () => {
    const s = scoreSubject(standard, figures({ completed: 20, onTime: 18, online: 10, redCards: 1 }), {
      violations: ['decision_past_limit', 'decision_past_limit', 'inspection_finding'],
      sanctions: ['admonitory_talk'],
    });
    // ON_TIME 90% → −5; ONLINE 50% = target; RED_CARDS 1 → −2; no ratings or complaints: full marks.
    expect(s.indicatorPoints).toBe(93);
    expect(s.deductions.map((d) => d.line)).toEqual([
      '超期办结 2 次，每次扣 2 分，扣 4 分',
      '日检查发现 1 次，每次扣 1 分，扣 1 分',
      '诫勉谈话 1 次，每次扣 2 分，扣 2 分',
    ]);
    expect(s.deductionPoints).toBe(7);
    expect(s.total).toBe(86);
    expect(s.grade).toBe('good');
    expect(s.barredFromExcellent).toBe(false);
    expect(s.standardVersion).toBe(0);
  });

  it('grades at the band lines inclusively and never scores below 0', () => {
    const perfect = scoreSubject(standard, figures({ completed: 1, onTime: 1, online: 1 }), {
      violations: [],
      sanctions: [],
    });
    expect([perfect.total, perfect.grade]).toEqual([100, 'excellent']);
    const at90 = scoreSubject(
      { ...standard, bands: { excellent: 95, good: 90, pass: 60 } },
      figures({ completed: 20, onTime: 18, online: 10 }),
      { violations: [], sanctions: [] },
    );
    expect([at90.total, at90.grade]).toEqual([95, 'excellent']);
    const ruined = scoreSubject(standard, figures({}), { violations: Array(30).fill('outside_system'), sanctions: [] });
    expect([ruined.total, ruined.grade]).toEqual([0, 'fail']);
  });

  it('marks 取消评先资格 as a bar, not as points', () => {
    const s = scoreSubject(standard, figures({}), { violations: [], sanctions: ['disqualified_from_commendation'] });
    expect(s.deductions).toEqual([]);
    expect(s.total).toBe(100);
    expect(s.barredFromExcellent).toBe(true);
  });
});

describe('standardInEffect', () => {
  const v = (version: number, effectiveFrom: string): ScoringStandard => ({
    ...defaultStandard('620321'),
    version,
    effectiveFrom,
  });

  it('takes the latest version effective on the day, else the default', () => {
    const versions = [v(1, '2026-01-01'), v(2, '2026-10-01'), v(3, '2027-01-01')];
    expect(standardInEffect('620321', versions, '2026-10-01').version).toBe(2);
    expect(standardInEffect('620321', versions, '2026-09-30').version).toBe(1);
    expect(standardInEffect('620321', versions, '2025-12-31').version).toBe(0);
  });

  it('lets a later save with an earlier date win over an older one for the same day', () => {
    expect(standardInEffect('620321', [v(1, '2026-10-01'), v(2, '2026-07-01')], '2026-10-01').version).toBe(2);
  });
});
