import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uniqueSuffix, userToken, type Page, type WatchedPage } from '@govhall/testing';
import { caseActs, eventually, PASSWORD, YC, type Applicant, type RestCase } from '../../gateway/test/cases-stack';
import { checkPage, startWebWorld, type WebWorld } from './web-world';
import { chooseIn } from './workbench-world';

// The supervisor's console (/supervision/) and the hall's big screen (/screen/) in a real browser, live: the cases
// world with supervision (each its own process, the real Kafka, Keycloak and FerretDB); a real case accepted, then
// supervision's clock (CLOCK_FILE, its timer every second) moved past the statutory limit: the 红牌 appears on the
// console and on the big screen through the live feed (server-sent events), without a reload.

let w: WebWorld;
const acts = caseActs(() => w);
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-supervision-web-clock-'));
const clockFile = path.join(clockDir, 'now');
let applicant: Applicant;
let supervisor = '';
let late: RestCase;

const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;
const setSupervisionNow = (day: string) => writeFileSync(clockFile, chinaNoon(day));
const setBoth = (day: string) => {
  w.setClock(chinaNoon(day));
  setSupervisionNow(day);
};
// Monday 7 December 2026 accepted; by Tuesday 29 December the statutory limit (and the promised one) has passed.
const ACCEPTED = '2026-12-07';
const LATE = '2026-12-29';
/** 4 characters: the screen shows the first one only. */
const APPLICANT = '欧阳监察';

beforeAll(async () => {
  writeFileSync(clockFile, '');
  w = await startWebWorld({ supervision: { env: { CLOCK_FILE: clockFile, CLOCK_REFRESH_INTERVAL_MS: '1000' } } });
  supervisor = `s${uniqueSuffix().slice(-6)}-web`;
  const created = await w.api('POST', '/identity/staff', {
    token: await userToken('yc-admin'),
    body: {
      tenant: YC,
      username: supervisor,
      displayName: '监察网页测试',
      phone: '13909350001',
      roles: ['supervisor'],
      initialPassword: PASSWORD,
      permanentPassword: true,
    },
  });
  if (created.status !== 201) throw new Error(`supervisor: ${created.status} ${JSON.stringify(created.body)}`);
  applicant = await w.newApplicant(APPLICANT);
  setBoth(ACCEPTED);
}, 300_000);

afterAll(async () => {
  w?.setClock();
  await w?.stop();
  rmSync(clockDir, { recursive: true, force: true });
}, 480_000);

/** Counts the page's document loads: a live page keeps the count it had. */
function loads(page: Page): () => number {
  let n = 0;
  page.on('load', () => (n += 1));
  return () => n;
}

interface HallToday {
  date: string;
  received: number;
  accepted: number;
  completed: number;
  open: number;
  overdue: number;
  openRed: number;
  openYellow: number;
}

/**
 * Waits until the service's figures of today (GET /supervision/hall-today as the supervisor) satisfy `wanted` and
 * the big screen shows them: the day's counts (收件, 受理, 办结 on supervision's injected day, which only this test's
 * cases have) exactly; the running ones (在办件, 已超期, 红牌, 黄牌) as numbers, since supervision is still taking in the
 * shared case topic from its beginning (every earlier test's cases), which moves them between the service's answer
 * and the screen's next refresh. Answers the service's figures.
 */
async function screenShowsHallToday(big: Page, wanted: (t: HallToday) => boolean): Promise<HallToday> {
  const token = await userToken(supervisor, { password: PASSWORD });
  return eventually(
    async () => {
      const reply = await w.api('GET', '/supervision/hall-today', { token });
      const t = reply.body as HallToday;
      if (reply.status !== 200 || !wanted(t)) return undefined;
      const text = (await big.getByRole('region', { name: '今日办件' }).innerText()).replace(/\s+/g, ' ');
      const exact = [`今日收件 ${t.received}`, `今日受理 ${t.accepted}`, `今日办结 ${t.completed}`];
      const running = [/在办件 \d+/, /已超期 \d+/, /红牌 \d+/, /黄牌 \d+/];
      return exact.every((e) => text.includes(e)) && running.every((r) => r.test(text)) && t;
      // Up to 90 s: late in a full run the catch-up also slows the service's answer.
    },
    "the big screen to show the service's figures of today",
    90_000,
  );
}

let console_: WatchedPage;
let screen: WatchedPage;

it('a supervisor sees a red signal appear live on the console and the big screen as a case runs late', async () => {
  console_ = await w.open();
  const page = console_.page;
  await w.visit(page, 'supervision');
  await w.signIn(page, 'supervision', supervisor, PASSWORD);
  await page.getByRole('heading', { level: 1, name: '监察概览' }).waitFor();
  await page.getByText('实时更新中').waitFor();
  // Other runs' cases may show up (the case topic is shared): this test looks at its own case only.
  await page.getByRole('region', { name: '最新信号' }).waitFor();
  await checkPage(page, 'supervision-overview-empty');

  screen = await w.open();
  const big = screen.page;
  await w.visit(big, 'screen');
  await w.signIn(big, 'screen', supervisor, PASSWORD, (p) =>
    p.getByRole('heading', { level: 1, name: /办件实时情况/ }).waitFor({ timeout: 15_000 }),
  );
  await big.getByText('实时更新中').waitFor();
  await big.getByRole('region', { name: '在办件' }).waitFor();
  await checkPage(big, 'screen-empty');
  const consoleLoads = loads(page);
  const screenLoads = loads(big);

  // A real case accepted at the window: its clock reaches the big screen live, the name masked.
  late = await acts.accepted(applicant);
  const open = big.getByRole('region', { name: '在办件' });
  const row = open.getByRole('row').filter({ hasText: late.caseNumber });
  await row.waitFor({ timeout: 30_000 });
  expect(await row.innerText()).toContain('欧***');
  // Today's figures by supervision's day (GetHallToday), as the service counts them: our case received and
  // accepted today (other runs' cases of the shared topic may add to them).
  const figures = big.getByRole('region', { name: '今日办件' });
  await big.getByText(ACCEPTED).waitFor();
  const shown = await screenShowsHallToday(big, (t) => t.accepted >= 1 && t.received >= 1);
  expect(shown.date).toBe(ACCEPTED);

  // Supervision's time passes the statutory limit: its timer raises 黄牌 and 红牌; both pages show them live.
  setSupervisionNow(LATE);
  const latest = page.getByRole('region', { name: '最新信号' });
  const red = latest.getByRole('row').filter({ hasText: '红牌' }).filter({ hasText: late.caseNumber });
  await red.waitFor({ timeout: 30_000 });
  expect(await red.innerText()).toMatch(/已超过法定办理时限\d+个工作日/);
  await latest.getByRole('row').filter({ hasText: '黄牌' }).filter({ hasText: '已超过承诺办结时限' }).waitFor();
  await page.getByRole('link', { name: /^红牌：[1-9]/ }).waitFor();

  await row.filter({ hasText: '红牌' }).waitFor({ timeout: 30_000 });
  await big.getByRole('region', { name: '窗口状态' }).getByText('有红牌').waitFor();
  // Supervision's day is now the late one: our case among the red cards and the overdue.
  await big.getByText(LATE).waitFor();
  await screenShowsHallToday(big, (t) => t.date === LATE && t.openRed >= 1 && t.overdue >= 1);
  expect(await figures.innerText()).toMatch(/红牌\s*[1-9]/);
  expect(await big.locator('body').innerText()).not.toContain(APPLICANT);

  expect([consoleLoads(), screenLoads()]).toEqual([0, 0]);
  await checkPage(page, 'supervision-overview-red');
  await checkPage(big, 'screen-red');
  expect(console_.problems.list()).toEqual([]);
  expect(screen.problems.list()).toEqual([]);
}, 240_000);

it('the signal list filters by level, the case’s clock explains itself, a late step is listed as a violation', async () => {
  const page = console_.page;
  await page.getByRole('link', { name: '信号', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '信号' }).waitFor();
  const table = page.locator('main table');
  await table.getByRole('row').filter({ hasText: '黄牌' }).filter({ hasText: '已超过承诺办结时限' }).waitFor();
  await chooseIn(page, page.getByRole('combobox', { name: '信号等级' }), '红牌及以上');
  await page.waitForURL(/minLevel=red/);
  await table.getByRole('row').filter({ hasText: '黄牌' }).first().waitFor({ state: 'detached' });
  await table.getByRole('row').filter({ hasText: '红牌' }).filter({ hasText: late.caseNumber }).waitFor();
  await checkPage(page, 'supervision-signals-red');

  await table.getByRole('link', { name: late.caseNumber }).first().click();
  await page.getByRole('heading', { level: 1, name: `办件计时：${late.caseNumber}` }).waitFor();
  const statutory = page.getByRole('region', { name: '法定时限' });
  await statutory.getByText(/已超期 \d+ 个工作日/).waitFor();
  expect((await statutory.getByRole('listitem').allInnerTexts()).length).toBeGreaterThan(0);
  await checkPage(page, 'supervision-clock');

  // The review step completed on the late day: supervision detects 环节超时 from the case's event.
  w.setClock(chinaNoon(LATE));
  await acts.act(late.id, 'steps/complete', await w.token('reviewer'), { opinion: '符合许可条件' });
  const token = await userToken(supervisor, { password: PASSWORD });
  await eventually(async () => {
    const reply = await w.api('GET', `/supervision/violations?matterId=${late.id}`, { token });
    return reply.status === 200 && reply.body.violations.length > 0;
  }, 'the violation to be detected');
  await page.getByRole('link', { name: '违规', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '违规记录' }).waitFor();
  await page
    .locator('main table')
    .getByRole('row')
    .filter({ hasText: late.caseNumber })
    .getByText('环节超时')
    .waitFor();
  await checkPage(page, 'supervision-violations');
  expect(console_.problems.list()).toEqual([]);
}, 240_000);
