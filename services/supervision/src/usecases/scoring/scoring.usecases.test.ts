import type { Principal } from '@govhall/auth';
import { ConcurrencyError, ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { defaultStandard } from '../../domain/evaluation/scoring/scoring-standard';
import { inMemoryScoringDeps } from './memory-scoring-stores.test-double';
import { createScoringUseCases } from './scoring.use-cases';
import type { SetStandardInput } from './set-scoring-standard/set-scoring-standard.usecase';

const who = (roles: Principal['roles'], tenant: string): Principal => ({
  kind: 'user',
  subject: 's',
  username: `${roles[0]}-${tenant}`,
  tenant,
  roles,
  clientId: 'c',
});
const admin = who(['center_admin'], '620321');
const supervisor = who(['supervisor'], '620321');
const Q4 = { kind: 'quarter' as const, key: '2026-Q4' };

function input(change: Partial<SetStandardInput> = {}): SetStandardInput {
  const { updatedBy: _u, updatedAt: _a, ...d } = defaultStandard('620321');
  return { ...d, effectiveFrom: '2026-10-01', ...change };
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('the scoring standard', () => {
  it('is the default (version 0) until the center admin saves versions, each naming the one it read', async () => {
    const { deps } = inMemoryScoringDeps();
    const uc = createScoringUseCases(deps);
    expect(await uc.getScoringStandard({ tenant: '620321', version: 0 }, supervisor)).toMatchObject({
      latestVersion: 0,
      standard: { version: 0 },
    });
    const v1 = await uc.setScoringStandard(input({ bands: { excellent: 92, good: 80, pass: 60 } }), admin);
    expect(v1).toMatchObject({
      version: 1,
      updatedBy: 'center_admin-620321',
      updatedAt: new Date('2026-12-04T02:00:00Z'),
    });
    await uc.setScoringStandard(input({ version: 1, effectiveFrom: '2027-01-01' }), admin);
    expect(await errorOf(uc.setScoringStandard(input({ version: 1 }), admin))).toBeInstanceOf(ConcurrencyError);
    expect(
      (await uc.listScoringStandardVersions('620321', supervisor)).map((v) => [v.version, v.effectiveFrom]),
    ).toEqual([
      [2, '2027-01-01'],
      [1, '2026-10-01'],
    ]);
    expect((await uc.getScoringStandard({ tenant: '620321', version: 1 }, supervisor)).standard.bands.excellent).toBe(
      92,
    );
    expect(await errorOf(uc.getScoringStandard({ tenant: '620321', version: 9 }, supervisor))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses another tenant’s admin, a supervisor and a bad standard at its fields, saving nothing', async () => {
    const { deps } = inMemoryScoringDeps();
    const uc = createScoringUseCases(deps);
    expect(await errorOf(uc.setScoringStandard(input(), who(['center_admin'], '620300')))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await errorOf(uc.setScoringStandard(input(), supervisor))).toBeInstanceOf(ForbiddenError);
    const bad = (await errorOf(
      uc.setScoringStandard(input({ tenant: '62', excellentQuotaPercent: 10 }), admin),
    )) as ValidationError;
    expect(bad.violations.map((v) => v.path)).toEqual(['tenant', 'excellentQuotaPercent']);
    expect(await uc.listScoringStandardVersions('620321', admin)).toEqual([]);
  });

  it('is read by supervisors of the tenant and above, never by a sibling or a clerk', async () => {
    const uc = createScoringUseCases(inMemoryScoringDeps().deps);
    expect(await uc.getScoringStandard({ tenant: '620321', version: 0 }, who(['supervisor'], '620300'))).toBeTruthy();
    expect(
      await errorOf(uc.getScoringStandard({ tenant: '620321', version: 0 }, who(['supervisor'], '620302'))),
    ).toBeInstanceOf(ForbiddenError);
    expect(
      await errorOf(uc.getScoringStandard({ tenant: '620321', version: 0 }, who(['window_clerk'], '620321'))),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe('ScoreSubjects', () => {
  it('scores each department under the version in effect on the period’s first day, best first', async () => {
    const w = inMemoryScoringDeps();
    const uc = createScoringUseCases(w.deps);
    await uc.setScoringStandard(
      input({ effectiveFrom: '2026-10-01', bands: { excellent: 99, good: 96, pass: 60 } }),
      admin,
    );
    await uc.setScoringStandard(
      input({ version: 1, effectiveFrom: '2026-10-02', bands: { excellent: 99, good: 98, pass: 97 } }),
      admin,
    );
    w.seedFigures('620321', 'department', 'GTJ', Q4, { completed: 10, onTime: 10, online: 5 });
    w.seedFigures('620321', 'department', 'SCJG', Q4, { completed: 25, onTime: 24, online: 25 });
    w.seedConduct('620321', 'department', 'MZJ', Q4, { violations: ['outside_system'] });
    const r = await uc.scoreSubjects({ tenant: '620321', level: 'department', period: '2026-Q4' }, supervisor);
    expect(r.standardVersion).toBe(1);
    expect(r.scores.map((s) => [s.subject.id, s.total, s.grade])).toEqual([
      ['GTJ', 100, 'excellent'],
      ['SCJG', 98, 'good'],
      ['MZJ', 95, 'pass'],
    ]);
    expect(r.scores[1]!.indicators[0]!.line).toBe('按时办结率 96.0%，目标 100%，扣 2 分');
  });

  it('refuses a malformed period or level at its field', async () => {
    const uc = createScoringUseCases(inMemoryScoringDeps().deps);
    const e1 = (await errorOf(
      uc.scoreSubjects({ tenant: '620321', level: 'department', period: '2026-Q7' }, supervisor),
    )) as ValidationError;
    expect(e1.violations).toEqual([
      { path: 'period', reason: 'PATTERN', message: '考核期间应为月（2026-12）、季度（2026-Q4）或年度（2026）' },
    ]);
    const e2 = (await errorOf(
      uc.scoreSubjects({ tenant: '620321', level: undefined, period: '2026-Q4' }, supervisor),
    )) as ValidationError;
    expect(e2.violations.map((v) => v.path)).toEqual(['level']);
  });
});

describe('GetAnnualGrades', () => {
  it('grades the A-post staff with at least 20% 优秀, honouring 取消评先资格', async () => {
    const w = inMemoryScoringDeps();
    const uc = createScoringUseCases(w.deps);
    const year = { kind: 'year' as const, key: '2026' };
    w.seedStaff(
      '620321',
      ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((personId) => ({ personId, department: 'SCJG' })),
    );
    // p1 would be best but is barred; p2 and p3 then fill ceil(20% × 6) = 2.
    w.seedConduct('620321', 'person', 'p1', year, { sanctions: ['disqualified_from_commendation'] });
    w.seedFigures('620321', 'person', 'p2', year, { completed: 10, onTime: 8, online: 5 });
    w.seedFigures('620321', 'person', 'p3', year, { completed: 10, onTime: 7, online: 5 });
    for (const p of ['p4', 'p5', 'p6'])
      w.seedFigures('620321', 'person', p, year, { completed: 10, onTime: 5, online: 5 });
    const r = await uc.getAnnualGrades({ tenant: '620321', year: 2026 }, supervisor);
    expect(r).toMatchObject({ year: 2026, total: 6, quotaRequired: 2, excellent: 2, shortfall: 0, standardVersion: 0 });
    expect(r.grades.map((g) => [g.personId, g.score, g.grade])).toEqual([
      ['p1', 100, 'good'],
      ['p2', 90, 'excellent'],
      ['p3', 85, 'excellent'],
      ['p4', 75, 'pass'],
      ['p5', 75, 'pass'],
      ['p6', 75, 'pass'],
    ]);
  });

  it('refuses a year out of range', async () => {
    const uc = createScoringUseCases(inMemoryScoringDeps().deps);
    const e = (await errorOf(uc.getAnnualGrades({ tenant: '620321', year: 1999 }, supervisor))) as ValidationError;
    expect(e.violations.map((v) => v.path)).toEqual(['year']);
  });
});

describe('RenderQuarterlyAssessment', () => {
  it('renders the departments’ ScoreSubjects of a quarter, and only of a quarter', async () => {
    const w = inMemoryScoringDeps();
    const uc = createScoringUseCases(w.deps);
    w.seedFigures('620321', 'department', 'SCJG', Q4, { completed: 25, onTime: 24, online: 25 });
    const doc = await uc.renderQuarterlyAssessment({ tenant: '620321', period: '2026-Q4' }, supervisor);
    const shown = JSON.parse(doc.pdf.toString()) as {
      scores: { total: number }[];
      period: string;
      madeAt: string;
      departmentNames: Record<string, string>;
    };
    expect(shown.departmentNames).toEqual({ SCJG: '市场监督管理局' });
    const scored = await uc.scoreSubjects({ tenant: '620321', level: 'department', period: '2026-Q4' }, supervisor);
    expect(shown.scores.map((s) => s.total)).toEqual(scored.scores.map((s) => s.total));
    expect([shown.period, shown.madeAt, doc.fileName]).toEqual([
      '2026-Q4',
      '2026-12-04T02:00:00.000Z',
      '620321-2026-Q4-季考核.pdf',
    ]);
    const month = (await errorOf(
      uc.renderQuarterlyAssessment({ tenant: '620321', period: '2026-12' }, supervisor),
    )) as ValidationError;
    expect(month.violations).toEqual([
      { path: 'period', reason: 'PATTERN', message: '季考核的期间应为季度（如2026-Q4）' },
    ]);
  });
});
