import { status } from '@grpc/grpc-js';
import { compact, keepSample, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import { supervisionV1 } from '@govhall/proto';
import { grpcFailure, waitFor } from '@govhall/testing';
import { caseActs, startCasesWorld, type Applicant, type CasesWorld } from '../../../gateway/test/cases-stack';
import { createSupervisors, startSupervision, type SupervisionUnderTest } from './violation-world';

// Evaluation end to end: real cases driven through the gateway (identity, catalogue, applications and the gateway each
// their own process, the cases service's clock moved with CLOCK_FILE into July 2026, a month no other test uses),
// supervision as its own process building its KPI projection from govhall.applications.case; figures read back over
// gRPC by supervisors of a county, its sibling and their city, by an anonymous caller, and from the bulletin PDF.
// Other tests share the stack and may add cases to 620321 at any time: exact figures are asserted for this world's
// own window (a window of its own), and the tenant's and departments' figures by comparison with the API.

const L = supervisionV1.KpiSubjectLevel;
const P = supervisionV1.KpiPeriodKind;
const MONTH = '2026-07';
let w: CasesWorld;
let s: SupervisionUnderTest;
let supervisors: Awaited<ReturnType<typeof createSupervisors>>;
const acts = caseActs(() => w);
let applicant: Applicant;

const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;

beforeAll(async () => {
  w = await startCasesWorld();
  s = await startSupervision({ clocksAtTopicEnd: true });
  supervisors = await createSupervisors(w.api);
  applicant = await w.newApplicant('孙统计');
}, 300_000);

afterAll(async () => {
  w?.setClock();
  await s?.stop();
  await w?.stop();
});

const kpis = (req: Partial<supervisionV1.ListKpisRequest>, token: string) =>
  s.evaluate<supervisionV1.ListKpisRequest, supervisionV1.ListKpisResponse>(
    'listKpis',
    supervisionV1.ListKpisRequest.fromPartial({
      level: L.KPI_SUBJECT_LEVEL_TENANT,
      periodKind: P.KPI_PERIOD_KIND_MONTH,
      fromKey: MONTH,
      ...req,
    }),
    token,
  );

const violationsOfMonth = async (token: string) =>
  (
    await s.call<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
      'listViolations',
      supervisionV1.ListViolationsRequest.fromPartial({ fromDate: `${MONTH}-01`, toDate: `${MONTH}-31` }),
      token,
    )
  ).violations;

/** Review, approval and the result issued (办结) on the cases service's current day. */
async function complete(id: string): Promise<void> {
  await acts.act(id, 'steps/complete', await w.token('reviewer'), { opinion: '符合许可条件' });
  const approved = await acts.act(id, 'decision', await w.token('approver'), { outcome: 'approved' });
  const issued = await w.api('POST', `/cases/${id}/result`, {
    token: await w.token('clerk'),
    body: { validUntil: '2031-12-02', deliveryMethod: 'window_pickup', expectedVersion: approved.version },
  });
  expect(issued.status).toBe(200);
}

/** A rate as the bulletin prints it, computed here from the API's answer. */
const percent = (rate: number | undefined) => (rate === undefined ? '无数据' : `${(rate * 100).toFixed(1)}%`);
const cells = (f: supervisionV1.KpiFigures) => {
  const c = f.counts!;
  return [
    c.accepted,
    c.completed,
    c.onTime,
    percent(f.rates!.onTimeRate),
    c.early,
    c.warnings,
    c.yellowCards,
    c.redCards,
    c.violations,
  ].map(String);
};

describe('KPIs from real cases', () => {
  let county: supervisionV1.ListKpisResponse;
  let lateId = '';

  it('three cases accepted on 1 July, two completed within the promise, one late: the month’s figures', async () => {
    w.setClock(chinaNoon('2026-07-01'));
    const onTime = await acts.accepted(applicant);
    const nextDay = await acts.accepted(applicant);
    const late = await acts.accepted(applicant);
    lateId = late.id;
    await complete(onTime.id);
    w.setClock(chinaNoon('2026-07-02'));
    await complete(nextDay.id);
    w.setClock(chinaNoon('2026-07-20'));
    await complete(late.id);

    const token = await supervisors.county();
    const mine = { level: L.KPI_SUBJECT_LEVEL_WINDOW, subjectId: w.windowId };
    // Settled when this window's three ends and the late case's two violations are counted.
    const windowRow = await waitFor(
      async () => {
        const c = (await kpis(mine, token)).figures[0]?.counts;
        const late = (await violationsOfMonth(token)).filter((v) => v.matterId === lateId);
        return c?.completed === 3 && late.length === 2 && c.violations === 2 ? c : undefined;
      },
      { timeoutMs: 90_000, what: 'the July figures of this window' },
    );
    expect(windowRow).toMatchObject({ accepted: 3, completed: 3, onTime: 2, early: 2, violations: 2, ratings: 0 });
    county = await kpis(mine, token);
    const [row] = county.figures;
    expect(row!.subject).toEqual({ level: L.KPI_SUBJECT_LEVEL_WINDOW, id: w.windowId, tenant: '620321' });
    expect(row!.period).toEqual({ kind: P.KPI_PERIOD_KIND_MONTH, key: MONTH });
    expect(row!.rates!.onTimeRate).toBeCloseTo(2 / 3);
    expect(row!.rates!.satisfactionRate).toBeUndefined();
    expect(county.totals[0]!.counts).toEqual(row!.counts);

    // The window's clerk accepted the three cases: their acceptance and completion count for the clerk (ADR 0051),
    // though a completed case names no responsible person; the reviewer and approver who handled them complete none.
    const person = (login: string) => kpis({ level: L.KPI_SUBJECT_LEVEL_PERSON, subjectId: login }, token);
    const clerk = await person(w.login.clerk);
    expect(clerk.figures.map((f) => f.subject)).toEqual([
      { level: L.KPI_SUBJECT_LEVEL_PERSON, id: w.login.clerk, tenant: '620321' },
    ]);
    expect(clerk.figures[0]!.counts).toMatchObject({ accepted: 3, completed: 3, onTime: 2, early: 2 });
    expect(clerk.figures[0]!.rates!.onTimeRate).toBeCloseTo(2 / 3);
    for (const other of [w.login.reviewer, w.login.approver]) {
      const figures = (await person(other)).figures;
      expect(figures.map((f) => [f.counts!.accepted, f.counts!.completed])).toEqual(figures.length ? [[0, 0]] : []);
    }

    // The days: three accepted on the 1st, one completed on each of the 1st, 2nd and 20th.
    const days = await kpis(
      { ...mine, periodKind: P.KPI_PERIOD_KIND_DAY, fromKey: '2026-07-01', toKey: '2026-07-31' },
      token,
    );
    expect(days.totals).toHaveLength(31);
    expect(
      days.figures
        .filter((f) => f.counts!.accepted + f.counts!.completed > 0)
        .map((f) => [f.period!.key, f.counts!.accepted, f.counts!.completed]),
    ).toEqual([
      ['2026-07-01', 3, 1],
      ['2026-07-02', 0, 1],
      ['2026-07-20', 0, 1],
    ]);
    // The tenant and its department hold at least this window's cases.
    const tenant = (await kpis({}, token)).figures[0]!.counts!;
    expect(tenant.completed).toBeGreaterThanOrEqual(3);
    const departments = await kpis({ level: L.KPI_SUBJECT_LEVEL_DEPARTMENT }, token);
    expect(departments.figures.find((f) => f.subject!.id === '620321-SCJG')!.counts!.completed).toBeGreaterThanOrEqual(
      3,
    );
  }, 240_000);

  it('a district supervisor cannot read its sibling’s figures; the city reads both, each row and their sum', async () => {
    const sibling = await supervisors.sibling();
    const refused = await grpcFailure(kpis({ tenant: '620321' }, sibling));
    expect(refused).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'TENANT_OUT_OF_SCOPE' });
    const bulletin = await grpcFailure(
      s.evaluate('renderMonthlyBulletin', { tenant: '620321', month: MONTH }, sibling),
    );
    expect(bulletin).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'TENANT_OUT_OF_SCOPE' });
    const cases = await grpcFailure(
      s.call('listViolations', supervisionV1.ListViolationsRequest.fromPartial({ tenant: '620321' }), sibling),
    );
    expect(cases).toMatchObject({ code: status.PERMISSION_DENIED });
    const own = await kpis({}, sibling);
    expect(own.figures.some((f) => f.subject!.tenant === '620321')).toBe(false);

    const city = await supervisors.city();
    const rollUp = await kpis({ tenant: '620300', includeSubordinates: true }, city);
    const tenants = new Set(rollUp.figures.map((f) => f.subject!.tenant));
    expect(tenants.has('620321')).toBe(true);
    for (const t of tenants) expect(t.startsWith('6203')).toBe(true);
    const summed = rollUp.figures.reduce((n, f) => n + f.counts!.completed, 0);
    expect(rollUp.totals[0]!.counts!.completed).toBe(summed);
    expect(rollUp.totals[0]!.subject).toEqual({ level: L.KPI_SUBJECT_LEVEL_TENANT, id: '620300', tenant: '620300' });
    const mine = { level: L.KPI_SUBJECT_LEVEL_WINDOW, subjectId: w.windowId };
    const cityWindow = await kpis({ ...mine, tenant: '620300', includeSubordinates: true }, city);
    expect(cityWindow.figures).toEqual(county.figures);
    const drill = await kpis({ ...mine, tenant: '620321' }, city);
    expect(drill.figures).toEqual(county.figures);
    const countyCases = await s.call<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
      'listViolations',
      supervisionV1.ListViolationsRequest.fromPartial({ tenant: '620321', fromDate: `${MONTH}-01` }),
      city,
    );
    expect(countyCases.violations.map((v) => v.matterId)).toEqual([lateId, lateId]);
  });

  it('bad input is refused naming each field, in Chinese', async () => {
    const token = await supervisors.county();
    const bad = await grpcFailure(kpis({ level: L.KPI_SUBJECT_LEVEL_UNSPECIFIED, fromKey: '2026-7' }, token));
    expect(bad).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'VALIDATION_FAILED' });
    expect(bad.violations).toEqual([
      expect.objectContaining({ path: 'level', message: '请选择统计对象（地区、部门、窗口或人员）' }),
      expect.objectContaining({ path: 'fromKey', message: '开始期间应为有效的YYYY-MM格式' }),
    ]);
    const span = await grpcFailure(
      kpis({ periodKind: P.KPI_PERIOD_KIND_DAY, fromKey: '2025-01-01', toKey: '2026-07-31' }, token),
    );
    expect(span.violations).toEqual([expect.objectContaining({ path: 'toKey', message: '一次最多统计366个期间' })]);
    const future = await grpcFailure(s.evaluate('getPublicStatistics', { tenant: '620321', month: '2099-01' }));
    expect(future).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(future.violations).toEqual([expect.objectContaining({ path: 'month', message: '月份不能晚于本月' })]);
  });

  it('the public statistics need no login and name no person', async () => {
    const stats = await s.evaluate<supervisionV1.GetPublicStatisticsRequest, supervisionV1.GetPublicStatisticsResponse>(
      'getPublicStatistics',
      { tenant: '620321', month: MONTH },
    );
    const window = stats.windows.find((r) => r.id === w.windowId);
    expect(window).toMatchObject({ accepted: 3, completed: 3, onTime: 2, ratings: 0 });
    expect(window!.onTimeRate).toBeCloseTo(2 / 3);
    expect(window!.satisfactionRate).toBeUndefined();
    expect(stats.total!.completed).toBeGreaterThanOrEqual(3);
    expect(stats.departments.map((d) => d.id)).toContain('620321-SCJG');
    const json = JSON.stringify(stats);
    for (const login of Object.values(w.login)) expect(json).not.toContain(login);
  });

  it('the monthly bulletin PDF contains exactly the figures ListKpis answers for the month', async () => {
    const token = await supervisors.county();
    const figures = async () => ({
      total: (await kpis({}, token)).totals[0]!,
      departments: (await kpis({ level: L.KPI_SUBJECT_LEVEL_DEPARTMENT }, token)).figures,
    });
    const listed = await w.api('GET', '/identity/tenants/620321/departments', {});
    const names = new Map<string, string>(
      (listed.body.departments as { code: string; name: string }[]).map((d) => [d.code, d.name]),
    );
    expect(names.get('620321-SCJG')).toBeTruthy();
    // Another test may add a case meanwhile: the figures read before and after the render must agree; the names
    // arrive from identity's topic on their own consumer.
    const { reply, before, text } = await waitFor(
      async () => {
        const first = await figures();
        const rendered = await s.evaluate<
          supervisionV1.RenderMonthlyBulletinRequest,
          supervisionV1.RenderMonthlyBulletinResponse
        >('renderMonthlyBulletin', { tenant: '', month: MONTH }, token);
        const second = await figures();
        const read = compact((await textOf(Buffer.from(rendered.pdf))).text);
        return JSON.stringify(first) === JSON.stringify(second) && read.includes(compact(names.get('620321-SCJG')!))
          ? { reply: rendered, before: first, text: read }
          : undefined;
      },
      // The names consumer reads identity's tenancy topic from its beginning (every earlier run's events first).
      { timeoutMs: 240_000, what: 'a bulletin rendered with the names while the figures held still' },
    );
    expect(reply.fileName).toBe(`620321-${MONTH}-月通报.pdf`);
    const pdf = Buffer.from(reply.pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    keepSample('monthly-bulletin-int', pdf);

    const { total, departments } = before;
    // Every department's row under its name, its figures exactly as ListKpis answers them (ranks: the unit tests).
    for (const d of departments) {
      const name = names.get(d.subject!.id) ?? d.subject!.id;
      expect(text).toContain(compact([name, ...cells(d)].join('')));
    }
    expect(text).toContain(compact(['合计', ...cells(total)].join('')));
    const c = total.counts!;
    expect(text).toContain(compact(`本月受理 ${c.accepted} 件，办结 ${c.completed} 件，其中按时办结 ${c.onTime} 件`));
    // The late case's violations, the approver's name masked.
    expect(text).toContain('超期办结');
    expect(text).toContain(`${w.login.approver[0]}***`);
    expect(text).not.toContain(w.login.approver);
    expect(text).toContain(reply.contentHash);
  }, 300_000);

  it('the daily check PDF of a day holds its inspection, its violations and its signals as ListKpis counts them', async () => {
    const DAY = '2026-07-20';
    const WINDOW_NAME = '市场监管综合受理窗口';
    const token = await supervisors.county();
    const recorded = await s.call<supervisionV1.RecordInspectionRequest, supervisionV1.RecordInspectionResponse>(
      'recordInspection',
      supervisionV1.RecordInspectionRequest.fromPartial({
        windowId: w.windowId,
        date: DAY,
        checklist: [
          { code: 'uniform', passed: true },
          { code: 'badge', passed: false, note: '日检查未佩戴工作牌' },
        ],
        person: w.login.clerk,
        requestId: `daily-check-${w.windowId}`,
      }),
      token,
    );
    expect(recorded.violations).toHaveLength(1);
    const dayOf = (level: supervisionV1.KpiSubjectLevel) =>
      kpis({ level, periodKind: P.KPI_PERIOD_KIND_DAY, fromKey: DAY }, token);
    // Settled when the day's KPI row counts the inspection's finding beside the late case's violations.
    await waitFor(
      async () =>
        (await dayOf(L.KPI_SUBJECT_LEVEL_WINDOW)).figures.find((f) => f.subject!.id === w.windowId)?.counts
          ?.violations === 3
          ? true
          : undefined,
      { timeoutMs: 60_000, what: 'the inspection’s finding counted on its day' },
    );
    // Another test may add to the tenant's day meanwhile: the figures read before and after the render must agree.
    const { reply, day, text } = await waitFor(
      async () => {
        const first = (await dayOf(L.KPI_SUBJECT_LEVEL_TENANT)).totals[0]!.counts!;
        const rendered = await s.evaluate<
          supervisionV1.RenderDailyCheckRequest,
          supervisionV1.RenderDailyCheckResponse
        >('renderDailyCheck', { tenant: '', date: DAY }, token);
        const second = (await dayOf(L.KPI_SUBJECT_LEVEL_TENANT)).totals[0]!.counts!;
        const read = compact((await textOf(Buffer.from(rendered.pdf))).text);
        return JSON.stringify(first) === JSON.stringify(second) && read.includes(WINDOW_NAME)
          ? { reply: rendered, day: first, text: read }
          : undefined;
      },
      // The names consumer reads identity's tenancy topic from its beginning (every earlier run's events first).
      { timeoutMs: 240_000, what: 'a daily check rendered with the window’s name while the day held still' },
    );
    expect(reply.fileName).toBe(`620321-${DAY}-日检查表.pdf`);
    const pdf = Buffer.from(reply.pdf);
    keepSample('daily-check-int', pdf);
    expect(text).toContain('电子监察日检查表');
    // The window's name (identity's WindowCreated) in place of its id, beside the inspection and its finding.
    expect(text).toContain(compact(`窗口：${WINDOW_NAME}`));
    expect(text).not.toContain(w.windowId);
    expect(text).toContain(
      compact(
        `记录违规 ${day.violations} 起；发出预警 ${day.warnings} 次、黄牌 ${day.yellowCards} 次、红牌 ${day.redCards} 次。`,
      ),
    );
    expect(day.violations).toBeGreaterThanOrEqual(3);
    expect(text).toContain(compact('佩戴工作牌未通过日检查未佩戴工作牌'));
    expect(text).toContain(compact('统一着装通过'));
    expect(text).toContain(compact(`检查人：${supervisors.usernames.county![0]}***`));
    expect(text).toContain(compact(`被检查人员：${w.login.clerk[0]}***`));
    expect(text).toContain('超期办结');
    for (const login of [w.login.clerk, w.login.approver, supervisors.usernames.county!]) {
      expect(text).not.toContain(login);
    }
    expect(text).toContain(reply.contentHash);

    const sibling = await grpcFailure(
      s.evaluate('renderDailyCheck', { tenant: '620321', date: DAY }, await supervisors.sibling()),
    );
    expect(sibling).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'TENANT_OUT_OF_SCOPE' });
    const city = await s.evaluate<supervisionV1.RenderDailyCheckRequest, supervisionV1.RenderDailyCheckResponse>(
      'renderDailyCheck',
      { tenant: '620321', date: DAY },
      await supervisors.city(),
    );
    expect(city.fileName).toBe(`620321-${DAY}-日检查表.pdf`);
    for (const [date, message] of [
      ['2026-07-32', '日期应为有效的YYYY-MM-DD格式'],
      ['2099-01-01', '日期不能晚于今天'],
    ] as const) {
      const bad = await grpcFailure(s.evaluate('renderDailyCheck', { tenant: '', date }, token));
      expect(bad).toMatchObject({ code: status.INVALID_ARGUMENT });
      expect(bad.violations).toEqual([expect.objectContaining({ path: 'date', message })]);
    }
  }, 360_000);
});
