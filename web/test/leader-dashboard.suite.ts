import { PASSWORD as SUPERVISOR_PASSWORD, createSupervisors } from '../../services/supervision/test/violation-world';
import type { Locator, WatchedPage } from '@govhall/testing';
import { caseActs, eventually, YC, type Applicant } from '../../gateway/test/cases-stack';
import { buttonName, checkPage, type WebWorld } from './web-world';

// The leader's dashboard (领导驾驶舱, /supervision/dashboard) in a real browser against the cases world with supervision
// (each its own process, the real Kafka, Keycloak and FerretDB; supervision's database fresh and its groups at the
// topics' end, so it counts this run's cases). Real cases of 永昌县 (620321) in August 2026 (a month no other test
// uses, the cases service's clock moved there): a supervisor of 金昌市 (620300) compares its districts and counties —
// every figure the page shows is the one GET /supervision/kpis answers — and drills down to a county's departments;
// a supervisor of the county sees its departments and no sibling.

const MONTH = '2026-08';
const FIRST = '2025-09';
const CITY = '620300';
export function leaderDashboardTests(world: () => WebWorld): void {
  let w: WebWorld;
  const acts = caseActs(() => w);
  let supervisors: Awaited<ReturnType<typeof createSupervisors>>;
  let applicant: Applicant;

  const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;

  beforeAll(async () => {
    w = world();
    supervisors = await createSupervisors(w.api);
    applicant = await w.newApplicant('秦驾驶');
  }, 300_000);

  afterAll(async () => {
    w?.setClock();
  }, 480_000);

  interface Figures {
    subject: { id: string; tenant: string };
    period: { key: string };
    counts: Record<string, number>;
    rates: { onTimeRate?: number; satisfactionRate?: number };
  }

  async function kpis(
    token: string,
    query: Record<string, string>,
  ): Promise<{ figures: Figures[]; totals: Figures[] }> {
    const reply = await w.api('GET', `/supervision/kpis?${new URLSearchParams({ periodKind: 'month', ...query })}`, {
      token,
    });
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** A rate as the page prints it, computed here from the API's counts. */
  const percent = (n: number, d: number, none = '无数据') => (d > 0 ? `${((n / d) * 100).toFixed(1)}%` : none);

  /** The cells of the row of `table` whose first cell is `first`. */
  async function rowCells(table: Locator, first: string): Promise<string[]> {
    const row = table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: first, exact: true }) });
    return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  }

  /** The comparison row the page must show for `name`: the API's rows of the tenant and those below it, added. */
  function expectedRow(name: string, figures: Figures[], prefix: string): string[] {
    const sum = (k: string) =>
      figures
        .filter((f) => f.period.key === MONTH && f.subject.tenant.startsWith(prefix))
        .reduce((n, f) => n + f.counts[k]!, 0);
    return [
      name,
      String(sum('accepted')),
      String(sum('completed')),
      String(sum('onTime')),
      percent(sum('onTime'), sum('completed')),
      percent(sum('satisfiedRatings'), sum('ratings'), '暂无评价数据'),
      String(sum('redCards')),
      String(sum('violations')),
    ];
  }

  let city: WatchedPage;

  it('a city supervisor compares its districts and counties with the figures of the API, and drills down', async () => {
    // Two cases accepted on Monday 3 August, one of them completed that day (on time).
    w.setClock(chinaNoon('2026-08-03'));
    const done = await acts.accepted(applicant);
    await acts.accepted(applicant);
    await acts.completed(done.id);

    const token = await supervisors.city();
    const range = { level: 'tenant', tenant: CITY, fromKey: FIRST, toKey: MONTH, includeSubordinates: 'true' };
    await eventually(
      async () => {
        const own = (await kpis(token, range)).figures.filter((f) => f.subject.tenant === YC && f.period.key === MONTH);
        return own.some((f) => f.counts.accepted! >= 2 && f.counts.completed! >= 1);
      },
      'supervision to count the August cases of 永昌县',
      90_000,
    );
    const below = (await w.api('GET', `/identity/tenants?parentCode=${CITY}`)).body.tenants as {
      code: string;
      name: string;
    }[];
    expect(below.map((t) => t.code)).toEqual(expect.arrayContaining(['620302', YC]));

    city = await w.open();
    const page = city.page;
    await w.visit(page, 'supervision', `/dashboard?month=${MONTH}`);
    await w.signIn(page, 'supervision', supervisors.usernames.city!, SUPERVISOR_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '领导驾驶舱' }).waitFor();
    const comparison = page.getByRole('region', { name: `各县区对比（${MONTH}）` });
    await comparison.getByRole('table').waitFor();

    // The page's figures are the API's, read after the page (this run's cases are all counted by now).
    const api = await kpis(token, range);
    for (const t of below) {
      expect(await rowCells(comparison, t.name)).toEqual([...expectedRow(t.name, api.figures, t.code), '查看部门']);
    }
    const county = below.find((t) => t.code === YC)!;
    const countyRow = expectedRow(county.name, api.figures, YC);
    expect(Number(countyRow[1])).toBeGreaterThanOrEqual(2);
    expect(await comparison.getByRole('img', { name: /^各地区对比：/ }).getAttribute('aria-label')).toContain(
      `${county.name} 办结${countyRow[2]}件`,
    );

    // The trend: twelve months, each the API's totals; satisfaction has no ratings yet.
    const trend = page.getByRole('region', { name: '办件趋势（近12个月）' });
    const total = api.totals.find((t) => t.period.key === MONTH)!;
    expect(api.totals).toHaveLength(12);
    expect(await trend.getByRole('row').count()).toBe(13);
    expect(await rowCells(trend, MONTH)).toEqual([
      MONTH,
      String(total.counts.accepted),
      String(total.counts.completed),
      String(total.counts.onTime),
      percent(total.counts.onTime!, total.counts.completed!),
      '暂无评价数据',
    ]);
    expect(total.rates.satisfactionRate).toBeUndefined();
    const headline = page.getByRole('region', { name: `本月概况（${MONTH}）` });
    const headlineText = (await headline.innerText()).replace(/\s+/g, ' ');
    expect(headlineText).toContain(`本月受理 ${total.counts.accepted} 件`);
    expect(headlineText).toContain(`本月办结 ${total.counts.completed} 件`);
    expect(headlineText).toContain('满意度 暂无评价数据');
    await checkPage(page, 'leader-dashboard-city');

    // Drill-down: the county's departments, as the API counts them.
    await comparison.getByRole('button', { name: `查看部门：${county.name}` }).click();
    const departments = page.getByRole('region', { name: `${county.name}各部门（${MONTH}）` });
    await departments.getByRole('table').waitFor();
    const scjg = (await kpis(token, { level: 'department', tenant: YC, fromKey: MONTH })).figures.find(
      (f) => f.subject.id === `${YC}-SCJG`,
    )!;
    const names = (await w.api('GET', `/identity/tenants/${YC}/departments`)).body.departments as {
      code: string;
      name: string;
    }[];
    const scjgName = names.find((d) => d.code === `${YC}-SCJG`)!.name;
    expect((await rowCells(departments, scjgName)).slice(0, 4)).toEqual([
      scjgName,
      String(scjg.counts.accepted),
      String(scjg.counts.completed),
      String(scjg.counts.onTime),
    ]);
    expect(scjg.counts.accepted).toBeGreaterThanOrEqual(2);
    await checkPage(page, 'leader-dashboard-drill-down');
    await departments.getByRole('button', { name: buttonName('返回各地区对比') }).click();
    await comparison.waitFor();
    expect(city.problems.list()).toEqual([]);
  }, 300_000);

  it('a county supervisor sees its own departments and no sibling, on a phone', async () => {
    const watched = await w.open({ viewport: 'phone' });
    const page = watched.page;
    await w.visit(page, 'supervision', `/dashboard?month=${MONTH}`);
    await w.signIn(page, 'supervision', supervisors.usernames.county!, SUPERVISOR_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '领导驾驶舱' }).waitFor();
    const own = page.getByRole('region', { name: `本地区各部门（${MONTH}）` });
    await own.getByRole('table').waitFor();
    await page.getByRole('region', { name: '办件趋势（近12个月）' }).getByRole('table').waitFor();
    expect(await page.getByRole('region', { name: /各县区对比/ }).count()).toBe(0);
    const sibling = (await w.api('GET', '/identity/tenants/620302')).body.name as string;
    expect(await page.locator('body').innerText()).not.toContain(sibling);
    // The service, not the page, keeps the sibling out.
    const refused = await w.api(
      'GET',
      `/supervision/kpis?level=tenant&tenant=620302&periodKind=month&fromKey=${MONTH}`,
      {
        token: await supervisors.county(),
      },
    );
    expect(refused.status).toBe(403);
    await checkPage(page, 'leader-dashboard-county');
    expect(watched.problems.list()).toEqual([]);
  }, 240_000);
}
