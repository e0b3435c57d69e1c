import { defaultStandard, type StandardDraft } from './scoring-standard';
import { standardProblems } from './standard-validation';

function draft(change: (d: StandardDraft) => void = () => undefined): StandardDraft {
  const { tenant: _t, version: _v, updatedBy: _u, updatedAt: _a, ...d } = defaultStandard('620321');
  d.effectiveFrom = '2027-01-01';
  change(d);
  return d;
}

const paths = (d: StandardDraft) => standardProblems(d).map((p) => [p.path, p.message]);

describe('standardProblems', () => {
  it('accepts the default standard', () => {
    expect(standardProblems(draft())).toEqual([]);
  });

  it('requires the weights to add up to 100, naming the sum', () => {
    expect(paths(draft((d) => (d.indicators[0]!.fullMarks = 25)))).toEqual([
      ['indicators', '各指标分值之和应为100分，现为95分'],
    ]);
  });

  it('refuses an unknown KPI key, a duplicate code and a per-item loss on a rate, each at its field', () => {
    const d = draft((x) => {
      x.indicators[1]!.measure = 'nonsense' as never;
      x.indicators[2]!.code = 'ON_TIME';
      x.indicators[3]!.loss = 'per_item';
    });
    expect(paths(d)).toEqual([
      ['indicators.1.measure', '指标读取的考核数据不存在，请从列表中选择'],
      ['indicators.2.code', '指标代码ON_TIME重复'],
      ['indicators.3.loss', '按件扣分只适用于次数类指标（如红牌次数）'],
    ]);
  });

  it('checks each indicator field', () => {
    const d = draft((x) => {
      Object.assign(x.indicators[0]!, {
        code: 'on time',
        name: ' ',
        target: 120,
        pointsPerUnit: 0,
        floor: 31,
        direction: 'up',
      });
    });
    expect(paths(d).map(([p]) => p)).toEqual([
      'indicators.0.code',
      'indicators.0.name',
      'indicators.0.direction',
      'indicators.0.target',
      'indicators.0.pointsPerUnit',
      'indicators.0.floor',
    ]);
  });

  it('requires descending grade bands', () => {
    expect(paths(draft((d) => (d.bands = { excellent: 90, good: 90, pass: 95 })))).toEqual([
      ['bands.good', '良好分数线应低于优秀分数线'],
      ['bands.pass', '合格分数线应低于良好分数线'],
    ]);
    expect(paths(draft((d) => (d.bands.pass = 0)))).toEqual([['bands.pass', '等次分数线应大于0且不超过100']]);
  });

  it('refuses a quota below S25’s 20%, a bad date, unknown or repeated deductions', () => {
    const d = draft((x) => {
      x.excellentQuotaPercent = 15;
      x.effectiveFrom = '2027-13-01';
      x.violationDeductions[1] = { kind: 'decision_past_limit', points: -1 };
      x.sanctionDeductions[0] = { sanction: 'beheading' as never, points: 1 };
    });
    expect(paths(d).map(([p]) => p)).toEqual([
      'effectiveFrom',
      'violationDeductions.1.kind',
      'violationDeductions.1.points',
      'sanctionDeductions.0.sanction',
      'excellentQuotaPercent',
    ]);
  });

  it('requires at least one indicator', () => {
    expect(paths(draft((d) => (d.indicators = [])))).toEqual([['indicators', '请至少设置一项考核指标']]);
  });
});
