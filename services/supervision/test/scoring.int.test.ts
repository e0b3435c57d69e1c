import { status } from '@grpc/grpc-js';
import { callUnary, createGrpcClient } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import { chinaDate } from '@govhall/identifiers';
import { compact, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import { grpcFailure, uniqueSuffix, userToken, waitFor } from '@govhall/testing';
import { caseActs, startCasesWorld, type Applicant, type CasesWorld } from '../../../gateway/test/cases-stack';
import { createSupervisors, startSupervision, type SupervisionUnderTest } from './violation-world';

// The scoring standard (S27), scores and annual grades (S25) end to end: real cases driven through the gateway (the
// cases service's clock moved with CLOCK_FILE), supervision as its own process building matters, violations and
// accountability from the real topics, ScoringService called over gRPC by supervisors and center admins of three
// tenants.

const pb = supervisionV1;
const G = pb.AssessmentGrade;
let w: CasesWorld;
let s: SupervisionUnderTest;
let scoring: supervisionV1.ScoringServiceClient;
let supervisors: Awaited<ReturnType<typeof createSupervisors>>;
const acts = caseActs(() => w);
let applicant: Applicant;

const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;

beforeAll(async () => {
  // Supervision first, its clock group at the topics' end: it reads this run's staff and cases only (a replay of
  // every earlier run's cases would mark their days for the scores' recount), and misses none of them.
  s = await startSupervision({ clocksAtTopicEnd: true });
  w = await startCasesWorld();
  scoring = createGrpcClient(pb.ScoringServiceClient, s.address, {
    serviceName: 'govhall.supervision.v1.ScoringService',
    idempotentMethods: ['GetScoringStandard', 'ListScoringStandardVersions', 'ScoreSubjects', 'GetAnnualGrades'],
  });
  supervisors = await createSupervisors(w.api);
  applicant = await w.newApplicant('孙考核');
}, 300_000);

afterAll(async () => {
  w?.setClock();
  scoring?.close();
  await s?.stop();
  await w?.stop();
});

function call<Req, Res>(method: keyof supervisionV1.ScoringServiceClient, req: Req, token: string): Promise<Res> {
  // Scores read the KPI projection, recounting the period's marked days first (as ListKpis does): on a busy machine
  // that can take longer than the client's default 5 s.
  return callUnary<Req, Res>((scoring[method] as any).bind(scoring), req, {
    authorization: `Bearer ${token}`,
    deadlineMs: 30_000,
  });
}

const getStandard = (tenant: string, version: number, token: string) =>
  call<supervisionV1.GetScoringStandardRequest, supervisionV1.GetScoringStandardResponse>(
    'getScoringStandard',
    { tenant, version },
    token,
  );
const setStandard = (standard: supervisionV1.ScoringStandard, token: string) =>
  call<supervisionV1.SetScoringStandardRequest, supervisionV1.SetScoringStandardResponse>(
    'setScoringStandard',
    { standard },
    token,
  );
const versions = async (tenant: string, token: string) =>
  (
    await call<supervisionV1.ListScoringStandardVersionsRequest, supervisionV1.ListScoringStandardVersionsResponse>(
      'listScoringStandardVersions',
      { tenant },
      token,
    )
  ).versions;
const score = (level: supervisionV1.ScoredLevel, period: string, token: string) =>
  call<supervisionV1.ScoreSubjectsRequest, supervisionV1.ScoreSubjectsResponse>(
    'scoreSubjects',
    { tenant: '620321', level, period },
    token,
  );

/** The tenant's version 1: effective from 1 April 2026, a late decision costs 3 points, stricter bands. */
let version1: supervisionV1.ScoringStandard;

describe('the scoring standard', () => {
  it('starts as the default, is saved by the tenant’s own center admin only, bad or stale changes refused', async () => {
    const county = await supervisors.county();
    const initial = await getStandard('620321', 0, county);
    expect(initial.latestVersion).toBe(0);
    expect(initial.standard).toMatchObject({ tenant: '620321', version: 0, excellentQuotaPercent: 20 });
    expect(initial.standard!.bands).toEqual({ excellent: 90, good: 80, pass: 60 });
    expect(initial.standard!.indicators.reduce((sum, i) => sum + i.fullMarks, 0)).toBe(100);

    const draft: supervisionV1.ScoringStandard = {
      ...initial.standard!,
      effectiveFrom: '2026-04-01',
      violationDeductions: initial.standard!.violationDeductions.map((d) =>
        d.kind === pb.ViolationKind.VIOLATION_KIND_DECISION_PAST_LIMIT ? { ...d, points: 3 } : d,
      ),
      bands: { excellent: 95, good: 85, pass: 60 },
    };
    const admin = await userToken('yc-admin');

    // Weights off by 5, bands out of order, an unknown KPI: each refused at its field, nothing saved.
    const bad = await grpcFailure(
      setStandard(
        {
          ...draft,
          indicators: draft.indicators.map((i, n) =>
            n === 0 ? { ...i, fullMarks: i.fullMarks - 5 } : n === 1 ? { ...i, measure: 'happiness' } : i,
          ),
          bands: { excellent: 90, good: 95, pass: 60 },
        },
        admin,
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.violations.map((v) => [v.path, v.message])).toEqual([
      ['indicators.1.measure', '指标读取的考核数据不存在，请从列表中选择'],
      ['indicators', '各指标分值之和应为100分，现为95分'],
      ['bands.good', '良好分数线应低于优秀分数线'],
    ]);

    // Another tenant's center admin and the tenant's own supervisor may not change it.
    const sibling = await grpcFailure(setStandard(draft, await userToken('jc-admin')));
    expect(sibling).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'SCORING_STANDARD_WRITE_FORBIDDEN' });
    expect(sibling.message).toContain('只有本级政务服务中心管理员可以修改考核标准');
    expect((await grpcFailure(setStandard(draft, county))).code).toBe(status.PERMISSION_DENIED);
    expect(await versions('620321', county)).toEqual([]);

    const saved = (await setStandard(draft, admin)).standard!;
    expect(saved).toMatchObject({ version: 1, effectiveFrom: '2026-04-01', updatedBy: 'yc-admin' });
    version1 = saved;

    // A second save naming version 0 is stale.
    const stale = await grpcFailure(setStandard({ ...draft, bands: { excellent: 99, good: 85, pass: 60 } }, admin));
    expect(stale).toMatchObject({ code: status.ABORTED, reason: 'CONCURRENT_MODIFICATION' });
    expect((await versions('620321', county)).map((v) => [v.version, v.effectiveFrom])).toEqual([[1, '2026-04-01']]);
    const read = await getStandard('620321', 1, await supervisors.city());
    expect(read).toMatchObject({
      latestVersion: 1,
      standard: { version: 1, bands: { excellent: 95, good: 85, pass: 60 } },
    });

    // A sibling tenant's supervisor reads nothing of it.
    expect((await grpcFailure(getStandard('620321', 0, await supervisors.sibling()))).code).toBe(
      status.PERMISSION_DENIED,
    );
  });
});

describe('scores of real subjects', () => {
  it('scores the approver of a late decision in 2026-Q2 under version 1, with its explanation lines', async () => {
    // Both accepted on Monday 11 May 2026 (promise: 5 working days); one completed that day, the other on 25 May.
    w.setClock(chinaNoon('2026-05-11'));
    const onTime = await acts.accepted(applicant);
    const late = await acts.accepted(applicant);
    const complete = async (id: string) => {
      await acts.act(id, 'steps/complete', await w.token('reviewer'), { opinion: '符合许可条件' });
      const approved = await acts.act(id, 'decision', await w.token('approver'), { outcome: 'approved' });
      const issued = await w.api('POST', `/cases/${id}/result`, {
        token: await w.token('clerk'),
        body: { validUntil: '2031-12-02', deliveryMethod: 'window_pickup', expectedVersion: approved.version },
      });
      expect(issued.status).toBe(200);
    };
    await complete(onTime.id);
    w.setClock(chinaNoon('2026-05-25'));
    await complete(late.id);
    w.setClock();

    const county = await supervisors.county();
    const approverId = w.staffId.approver;
    const PERSON = pb.ScoredLevel.SCORED_LEVEL_PERSON;
    // Supervision learns the decision past the promise from the case topic: its violation is the marker that the
    // approver's conduct is complete; the KPI projection counts both matters once they are ended.
    const result = await waitFor(
      async () => {
        const r = await score(PERSON, '2026-Q2', county);
        const mine = r.scores.find((x) => x.subjectId === approverId);
        return mine?.deductions.length ? { r, mine } : undefined;
      },
      { timeoutMs: 60_000, what: 'the approver’s late decision in the scores' },
    );
    expect(result.r.standardVersion).toBe(1);
    const approver = result.mine;
    expect(approver.deductions).toEqual([
      expect.objectContaining({
        code: 'decision_past_limit',
        count: 1,
        points: 3,
        line: '超期办结 1 次，每次扣 3 分，扣 3 分',
      }),
    ]);
    expect(approver.total).toBe(Math.max(0, approver.indicatorPoints - 3));
    expect(approver.indicators.map((i) => i.code)).toEqual(version1.indicators.map((i) => i.code));
    for (const i of approver.indicators) expect(i.line.startsWith(i.name)).toBe(true);
    const expectedGrade =
      approver.total >= 95
        ? G.ASSESSMENT_GRADE_EXCELLENT
        : approver.total >= 85
          ? G.ASSESSMENT_GRADE_GOOD
          : G.ASSESSMENT_GRADE_PASS;
    expect(approver.grade).toBe(expectedGrade);

    // The scores read the KPI projection: each department's on-time indicator holds the rate ListKpis answers for
    // it over the same quarter. Another test may add a case meanwhile: read until both agree.
    const onTimeIndicator = version1.indicators.find((i) => i.measure === 'onTimeRate')!;
    let lastRead: unknown[] = [];
    const agreed = await waitFor(
      async () => {
        const scored = await score(pb.ScoredLevel.SCORED_LEVEL_DEPARTMENT, '2026-Q2', county);
        const listed = await s.evaluate<supervisionV1.ListKpisRequest, supervisionV1.ListKpisResponse>(
          'listKpis',
          pb.ListKpisRequest.fromPartial({
            tenant: '620321',
            level: pb.KpiSubjectLevel.KPI_SUBJECT_LEVEL_DEPARTMENT,
            periodKind: pb.KpiPeriodKind.KPI_PERIOD_KIND_QUARTER,
            fromKey: '2026-Q2',
          }),
          county,
        );
        const pairs = listed.figures
          .filter((f) => f.rates?.onTimeRate !== undefined)
          .map((f) => ({
            department: f.subject!.id,
            rate: f.rates!.onTimeRate!,
            value: scored.scores
              .find((x) => x.subjectId === f.subject!.id)
              ?.indicators.find((i) => i.code === onTimeIndicator.code)?.value,
          }));
        lastRead = pairs;
        return pairs.some((p) => p.department === '620321-SCJG') &&
          pairs.every((p) => p.value !== undefined && Math.abs(p.value - p.rate * 100) < 1e-9)
          ? pairs
          : undefined;
      },
      { timeoutMs: 60_000, what: 'a score’s on-time rate equal to ListKpis’s' },
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last read ${JSON.stringify(lastRead)}`);
    });
    expect(agreed.find((p) => p.department === '620321-SCJG')!.rate).toBeGreaterThanOrEqual(0);

    // And a person's: the window's clerk accepted both cases, so both completions count for the clerk (ADR 0051),
    // one of two on time. ListKpis names the person by username, the score by staff id.
    const clerkRate = await waitFor(
      async () => {
        const listed = await s.evaluate<supervisionV1.ListKpisRequest, supervisionV1.ListKpisResponse>(
          'listKpis',
          pb.ListKpisRequest.fromPartial({
            tenant: '620321',
            level: pb.KpiSubjectLevel.KPI_SUBJECT_LEVEL_PERSON,
            subjectId: w.login.clerk,
            periodKind: pb.KpiPeriodKind.KPI_PERIOD_KIND_QUARTER,
            fromKey: '2026-Q2',
          }),
          county,
        );
        const scored = (await score(PERSON, '2026-Q2', county)).scores.find((x) => x.subjectId === w.staffId.clerk);
        const rate = listed.figures[0]?.rates?.onTimeRate;
        const value = scored?.indicators.find((i) => i.code === onTimeIndicator.code)?.value;
        const counts = listed.figures[0]?.counts;
        lastRead = [{ rate, value, counts }];
        // Read until both count the two completions and agree.
        return counts?.completed === 2 &&
          rate !== undefined &&
          value !== undefined &&
          Math.abs(value - rate * 100) < 1e-9
          ? { rate, value, counts }
          : undefined;
      },
      { timeoutMs: 60_000, what: 'the clerk’s on-time rate in ListKpis and the scores' },
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last read ${JSON.stringify(lastRead)}`);
    });
    expect(clerkRate.counts).toMatchObject({ accepted: 2, completed: 2, onTime: 1 });
    expect(clerkRate.rate).toBe(0.5);
    expect(clerkRate.value).toBeCloseTo(50, 9);

    // Best first; 2026-Q1 began before version 1 took effect: the default standard scores it.
    expect(result.r.scores.map((x) => x.total)).toEqual([...result.r.scores.map((x) => x.total)].sort((a, b) => b - a));
    expect((await score(PERSON, '2026-Q1', county)).standardVersion).toBe(0);

    const badPeriod = await grpcFailure(score(PERSON, '2026-Q5', county));
    expect(badPeriod.code).toBe(status.INVALID_ARGUMENT);
    expect(badPeriod.violations).toEqual([
      expect.objectContaining({ path: 'period', message: '考核期间应为月（2026-12）、季度（2026-Q4）或年度（2026）' }),
    ]);
    const noLevel = await grpcFailure(score(pb.ScoredLevel.SCORED_LEVEL_UNSPECIFIED, '2026-Q2', county));
    expect(noLevel.violations.map((v) => v.path)).toEqual(['level']);
    expect((await grpcFailure(score(PERSON, '2026-Q2', await supervisors.sibling()))).code).toBe(
      status.PERMISSION_DENIED,
    );
  });
});

describe('the quarterly assessment (季考核)', () => {
  it('prints each department’s score, grade and lines exactly as ScoreSubjects answers them', async () => {
    const county = await supervisors.county();
    const doc = await call<
      supervisionV1.RenderQuarterlyAssessmentRequest,
      supervisionV1.RenderQuarterlyAssessmentResponse
    >('renderQuarterlyAssessment', { tenant: '620321', period: '2026-Q2' }, county);
    expect(doc).toMatchObject({ fileName: '620321-2026-Q2-季考核.pdf', standardVersion: 1 });
    const departments = await score(pb.ScoredLevel.SCORED_LEVEL_DEPARTMENT, '2026-Q2', county);
    expect(departments.scores.length).toBeGreaterThan(0);
    const text = compact((await textOf(Buffer.from(doc.pdf))).text);
    expect(text).toContain(compact('2026年第2季度考核结果通报'));
    const names = { 1: '优秀', 2: '良好', 3: '合格', 4: '不合格' } as Record<number, string>;
    // A department prints by name once supervision learned it from identity's topic (its code until then).
    const listed = await w.api('GET', '/identity/tenants/620321/departments', {});
    const named = new Map<string, string>(
      (listed.body.departments as { code: string; name: string }[]).map((d) => [d.code, d.name]),
    );
    for (const d of departments.scores) {
      const line = (subject: string) => compact(`、${subject}：${d.total} 分，${names[d.grade]}`);
      expect([line(named.get(d.subjectId) ?? d.subjectId), line(d.subjectId)].some((l) => text.includes(l))).toBe(true);
      for (const line of [...d.indicators, ...d.deductions].map((x) => x.line)) expect(text).toContain(compact(line));
    }
    const month = await grpcFailure(call('renderQuarterlyAssessment', { tenant: '620321', period: '2026-05' }, county));
    expect(month.violations).toEqual([
      expect.objectContaining({ path: 'period', message: '季考核的期间应为季度（如2026-Q4）' }),
    ]);
  });
});

describe('annual grades', () => {
  it('grades the window A-post staff with at least 20% 优秀, and 取消评先资格 bars the barred clerk', async () => {
    const county = await supervisors.county();
    // The clerk of this run's window: an inspection finding, then accountability with 取消评先资格 decided this year.
    const inspected = await s.call<supervisionV1.RecordInspectionRequest, supervisionV1.RecordInspectionResponse>(
      'recordInspection',
      pb.RecordInspectionRequest.fromPartial({
        windowId: w.windowId,
        date: chinaDate(new Date()),
        checklist: [{ code: 'badge', passed: false, note: '未佩戴工作牌' }],
        person: w.login.clerk,
        requestId: `inspection-${uniqueSuffix()}`,
      }),
      county,
    );
    const proposed = await s.call<
      supervisionV1.ProposeAccountabilityRequest,
      supervisionV1.ProposeAccountabilityResponse
    >(
      'proposeAccountability',
      pb.ProposeAccountabilityRequest.fromPartial({
        violationIds: [inspected.violations[0]!.id],
        targetKind: pb.AccountabilityTarget.ACCOUNTABILITY_TARGET_PERSON,
        targetId: w.login.clerk,
        proposedSanctions: [pb.Sanction.SANCTION_DISQUALIFIED_FROM_COMMENDATION],
        proposal: '建议取消评先资格',
        requestId: `propose-${uniqueSuffix()}`,
      }),
      county,
    );
    await s.call<supervisionV1.DecideAccountabilityRequest, supervisionV1.DecideAccountabilityResponse>(
      'decideAccountability',
      pb.DecideAccountabilityRequest.fromPartial({
        id: proposed.accountability!.id,
        version: 1,
        sanctions: [pb.Sanction.SANCTION_DISQUALIFIED_FROM_COMMENDATION],
        decision: '取消本年度评先资格',
      }),
      county,
    );
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const grades = await waitFor(
      async () => {
        const r = await call<supervisionV1.GetAnnualGradesRequest, supervisionV1.GetAnnualGradesResponse>(
          'getAnnualGrades',
          { tenant: '620321', year },
          county,
        );
        return r.grades.some((g) => g.personId === w.staffId.clerk) ? r : undefined;
      },
      // The directory comes from the clocks group, which replays the shared topics from their beginning (every
      // earlier run's cases and windows): on a loaded machine that takes minutes.
      { timeoutMs: 240_000, what: 'the window’s A-post clerk in the directory' },
    );
    // Every A-post person of the tenant's windows, this run's and earlier runs' alike: the rules hold for all.
    expect(grades).toMatchObject({ year, quotaPercent: 20 });
    expect(grades.total).toBe(grades.grades.length);
    expect(grades.quotaRequired).toBe(Math.ceil((grades.total * 20) / 100));
    const excellent = grades.grades.filter((g) => g.grade === G.ASSESSMENT_GRADE_EXCELLENT);
    expect(excellent).toHaveLength(grades.excellent);
    expect(grades.excellent + grades.shortfall).toBeGreaterThanOrEqual(grades.quotaRequired);
    for (const g of excellent) {
      expect(g.barredFromExcellent).toBe(false);
      expect(g.bandGrade).not.toBe(G.ASSESSMENT_GRADE_FAIL);
      expect(g.outsideHomeUnitQuota).toBe(true);
    }
    // A tie is never split: whoever shares a score with a person raised by the quota is 优秀 too (unless barred).
    for (const raised of excellent.filter((g) => g.excellentBasis === 'quota'))
      for (const g of grades.grades.filter((o) => o.score === raised.score && !o.barredFromExcellent))
        expect(g.grade).toBe(G.ASSESSMENT_GRADE_EXCELLENT);
    expect(grades.homeUnits.reduce((n, h) => n + h.excellent, 0)).toBe(grades.excellent);

    const clerk = grades.grades.find((g) => g.personId === w.staffId.clerk)!;
    // The inspection finding costs at least its point; the bar keeps the clerk from 优秀 whatever the score.
    expect(clerk).toMatchObject({ barredFromExcellent: true, department: '620321-SCJG' });
    expect(clerk.score).toBeLessThanOrEqual(99);
    expect(clerk.grade).not.toBe(G.ASSESSMENT_GRADE_EXCELLENT);
    if (clerk.bandGrade === G.ASSESSMENT_GRADE_EXCELLENT) expect(clerk.note).toBe('已被取消评先资格，不得评为优秀');
    // The year began before version 1 took effect (1 April): the default standard grades it.
    expect(grades.standardVersion).toBe(0);

    const badYear = await grpcFailure(call('getAnnualGrades', { tenant: '620321', year: 1999 }, county));
    expect(badYear.violations).toEqual([
      expect.objectContaining({ path: 'year', message: '考核年度应为2000至2100之间的年份' }),
    ]);
  }, 300_000);
});
