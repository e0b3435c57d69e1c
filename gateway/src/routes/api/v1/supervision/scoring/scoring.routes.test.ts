import { ConcurrencyError, ValidationError } from '@govhall/errors';
import { supervisionV1 } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
  useRouteFixture,
} from '../../../../../lib/fake-grpc-server.test-double';
import { CENTER_ADMIN, CHINESE, CLERK, SUPERVISOR, TENANT, at } from '../supervision.fixtures.test-double';

const S = supervisionV1;

const standard: supervisionV1.ScoringStandard = {
  tenant: TENANT,
  version: 2,
  effectiveFrom: '2026-10-01',
  indicators: [
    {
      code: 'ON_TIME',
      name: '按时办结率',
      measure: 'onTimeRate',
      direction: S.IndicatorDirection.INDICATOR_DIRECTION_HIGHER_BETTER,
      target: 100,
      fullMarks: 100,
      loss: S.IndicatorLoss.INDICATOR_LOSS_LINEAR,
      pointsPerUnit: 0.5,
      floor: 0,
    },
  ],
  violationDeductions: [{ kind: S.ViolationKind.VIOLATION_KIND_DECISION_PAST_LIMIT, points: 2 }],
  sanctionDeductions: [{ sanction: S.Sanction.SANCTION_ADMONITORY_TALK, points: 2 }],
  bands: { excellent: 90, good: 80, pass: 60 },
  excellentQuotaPercent: 20,
  updatedBy: 'admin-zhao',
  updatedAt: at,
};

const score: supervisionV1.SubjectScore = {
  level: S.ScoredLevel.SCORED_LEVEL_DEPARTMENT,
  subjectId: '620321-SCJG',
  period: '2026-Q4',
  indicators: [
    {
      code: 'ON_TIME',
      name: '按时办结率',
      fullMarks: 100,
      points: 98,
      value: 96,
      line: '按时办结率 96.0%，目标 100%，扣 2 分',
    },
  ],
  deductions: [],
  indicatorPoints: 98,
  deductionPoints: 0,
  total: 98,
  grade: S.AssessmentGrade.ASSESSMENT_GRADE_EXCELLENT,
  barredFromExcellent: false,
};

async function startScoringFixture() {
  const fake = await startFakeGrpcServers([
    fakeService(S.ScoringServiceService, {
      getScoringStandard: async (req) => ({
        standard: { ...standard, tenant: req.tenant || TENANT },
        latestVersion: 2,
      }),
      listScoringStandardVersions: async () => ({
        versions: [{ version: 2, effectiveFrom: '2026-10-01', updatedBy: 'admin-zhao', updatedAt: at }],
      }),
      setScoringStandard: async (req) => {
        const s = req.standard!;
        if (s.version !== 2) throw new ConcurrencyError('考核标准已被他人修改，请刷新后重试');
        if (s.bands!.good >= s.bands!.excellent)
          throw new ValidationError([
            { path: 'standard.bands.good', reason: 'ORDER', message: '良好分数线应低于优秀分数线' },
          ]);
        return { standard: { ...s, version: 3, updatedBy: 'admin-zhao', updatedAt: at } };
      },
      scoreSubjects: async (req) => {
        if (req.period === '2026-Q5')
          throw new ValidationError([{ path: 'period', reason: 'PATTERN', message: '考核期间格式不正确' }]);
        return { standardVersion: 2, scores: [score] };
      },
      getAnnualGrades: async (req) => ({
        year: req.year,
        standardVersion: 2,
        total: 5,
        quotaPercent: 20,
        quotaRequired: 1,
        excellent: 1,
        shortfall: 0,
        grades: [
          {
            personId: 's1',
            department: '620321-SCJG',
            score: 88,
            rank: 1,
            bandGrade: S.AssessmentGrade.ASSESSMENT_GRADE_GOOD,
            grade: S.AssessmentGrade.ASSESSMENT_GRADE_EXCELLENT,
            excellentBasis: 'quota',
            outsideHomeUnitQuota: true,
            barredFromExcellent: false,
            note: '按不低于20%的优秀比例由良好确定为优秀',
          },
        ],
        homeUnits: [{ department: '620321-SCJG', excellent: 1 }],
      }),
      renderQuarterlyAssessment: async (req) => ({
        pdf: Buffer.from('%PDF-1.7 季考核'),
        fileName: `${req.tenant || TENANT}-${req.period}-季考核.pdf`,
        standardVersion: 2,
      }),
    }),
  ]);
  return routeFixture(
    'supervision',
    fake,
    fakeVerifier(TENANT, { supervisor: ['supervisor'], admin: ['center_admin'], clerk: ['window_clerk'] }),
  );
}

const fx = useRouteFixture(startScoringFixture);
const base = '/api/v1/supervision/scoring';

const body = {
  tenant: TENANT,
  version: 2,
  effectiveFrom: '2027-01-01',
  indicators: [
    {
      code: 'ON_TIME',
      name: '按时办结率',
      measure: 'onTimeRate',
      direction: 'higher_better',
      target: 100,
      fullMarks: 100,
      loss: 'linear',
      pointsPerUnit: 0.5,
      floor: 0,
    },
  ],
  violationDeductions: [{ kind: 'decision_past_limit', points: 3 }],
  sanctionDeductions: [{ sanction: 'admonitory_talk', points: 2 }],
  bands: { excellent: 90, good: 80, pass: 60 },
  excellentQuotaPercent: 20,
};

describe('supervision scoring routes', () => {
  it('reads the standard with REST spellings and its versions', async () => {
    const r = await fx.app.inject({ url: `${base}/standard?tenant=${TENANT}&version=2`, headers: SUPERVISOR });
    expect(r.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ tenant: TENANT, version: 2 });
    expect(r.json()).toMatchObject({
      latestVersion: 2,
      standard: {
        version: 2,
        indicators: [{ direction: 'higher_better', loss: 'linear', measure: 'onTimeRate' }],
        violationDeductions: [{ kind: 'decision_past_limit', points: 2 }],
        sanctionDeductions: [{ sanction: 'admonitory_talk', points: 2 }],
        updatedAt: at.toISOString(),
      },
    });
    const v = await fx.app.inject({ url: `${base}/standard/versions`, headers: CENTER_ADMIN });
    expect(v.json()).toEqual({
      versions: [{ version: 2, effectiveFrom: '2026-10-01', updatedBy: 'admin-zhao', updatedAt: at.toISOString() }],
    });
  });

  it('saves a new version as the center admin, passing the enums and the version read', async () => {
    const r = await fx.app.inject({ method: 'PUT', url: `${base}/standard`, headers: CENTER_ADMIN, payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.json().standard).toMatchObject({ version: 3, effectiveFrom: '2027-01-01' });
    expect(fx.lastCall().request).toMatchObject({
      standard: {
        version: 2,
        indicators: [{ direction: 1, loss: 1 }],
        violationDeductions: [{ kind: 1, points: 3 }],
        sanctionDeductions: [{ sanction: 2, points: 2 }],
      },
    });
  });

  it('answers the service’s field errors at the body’s own paths, a stale version with 409, others with 403', async () => {
    const bad = await fx.app.inject({
      method: 'PUT',
      url: `${base}/standard`,
      headers: CENTER_ADMIN,
      payload: { ...body, bands: { excellent: 80, good: 85, pass: 60 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: 'bands.good', message: '良好分数线应低于优秀分数线' }),
    ]);
    const stale = await fx.app.inject({
      method: 'PUT',
      url: `${base}/standard`,
      headers: CENTER_ADMIN,
      payload: { ...body, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(CHINESE);
    const bySupervisor = await fx.app.inject({
      method: 'PUT',
      url: `${base}/standard`,
      headers: SUPERVISOR,
      payload: body,
    });
    expect(bySupervisor.statusCode).toBe(403);
    fx.reset();
    const unknownKind = await fx.app.inject({
      method: 'PUT',
      url: `${base}/standard`,
      headers: CENTER_ADMIN,
      payload: { ...body, violationDeductions: [{ kind: 'napping', points: 1 }] },
    });
    expect(unknownKind.statusCode).toBe(400);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('scores subjects of a level and period, refusing a malformed period at the edge and a clerk', async () => {
    const r = await fx.app.inject({ url: `${base}/scores?level=department&period=2026-Q4`, headers: SUPERVISOR });
    expect(r.statusCode).toBe(200);
    expect(fx.lastCall().request).toEqual({ tenant: '', level: 2, period: '2026-Q4' });
    expect(r.json()).toMatchObject({
      standardVersion: 2,
      scores: [{ subjectId: '620321-SCJG', level: 'department', grade: 'excellent', total: 98 }],
    });
    expect(r.json().scores[0].indicators[0].line).toBe('按时办结率 96.0%，目标 100%，扣 2 分');
    fx.reset();
    const bad = await fx.app.inject({ url: `${base}/scores?level=department&period=2026-13`, headers: SUPERVISOR });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('period');
    expect(fx.fake.calls).toHaveLength(0);
    expect((await fx.app.inject({ url: `${base}/scores?level=person&period=2026`, headers: CLERK })).statusCode).toBe(
      403,
    );
  });

  it('answers the annual grades and the quarterly assessment PDF', async () => {
    const g = await fx.app.inject({ url: `${base}/annual-grades?year=2026`, headers: SUPERVISOR });
    expect(g.statusCode).toBe(200);
    expect(g.json()).toMatchObject({
      year: 2026,
      quotaRequired: 1,
      grades: [
        { personId: 's1', bandGrade: 'good', grade: 'excellent', excellentBasis: 'quota', outsideHomeUnitQuota: true },
      ],
      homeUnits: [{ department: '620321-SCJG', excellent: 1 }],
    });
    const pdf = await fx.app.inject({ url: `${base}/quarterly-assessment.pdf?period=2026-Q4`, headers: SUPERVISOR });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('.pdf');
    expect(pdf.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.7');
    const month = await fx.app.inject({ url: `${base}/quarterly-assessment.pdf?period=2026-12`, headers: SUPERVISOR });
    expect(month.statusCode).toBe(400);
  });
});
