import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, MongoClient, screenshotPath, stack, type Page, type WatchedPage } from '@govhall/testing';
import { caseActs, eventually, type RestCase } from '../../gateway/test/cases-stack';
import { checkPage, startWebWorld, type WebWorld } from './web-world';

// The hall's big screen (/screen/) loses its live feed and gets it back: the gateway restarts (as a deployment
// restarts it) while supervision's timer raises a 红牌 on an open case; its window's tile names who serves it. The screen says 「连接中断，正在重连」
// while the gateway is away, and once it is back shows the change it could not hear of (it reads its list and
// figures again on reconnecting: the feed has no resume point), without a reload. The cases world with supervision
// as supervision-live.e2e builds it (each service its own process; the real Kafka, Keycloak and FerretDB).

let w: WebWorld;
const acts = caseActs(() => w);
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-screen-reconnect-clock-'));
const clockFile = path.join(clockDir, 'now');
/** The hall's own screen account (deploy/keycloak/govhall-realm.json, role hall_screen; ADR 0049). */
const SCREEN_ACCOUNT = 'ycx-screen';
let mongo: MongoClient;

const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;
const setSupervisionNow = (day: string) => writeFileSync(clockFile, chinaNoon(day));
// Accepted on Monday 7 December 2026; by Tuesday 29 December its statutory limit has passed (红牌).
const ACCEPTED = '2026-12-07';
const LATE = '2026-12-29';
const APPLICANT = '司马重连';
/** The screen hangs on a wall at full HD. */
const FULL_HD = { width: 1920, height: 1080 };

beforeAll(async () => {
  writeFileSync(clockFile, '');
  w = await startWebWorld({ supervision: { env: { CLOCK_FILE: clockFile, CLOCK_REFRESH_INTERVAL_MS: '1000' } } });
  mongo = await MongoClient.connect(stack.mongoUri);
  w.setClock(chinaNoon(ACCEPTED));
  setSupervisionNow(ACCEPTED);
}, 300_000);

afterAll(async () => {
  w?.setClock();
  await mongo?.close();
  await w?.stop();
  rmSync(clockDir, { recursive: true, force: true });
}, 480_000);

/** Photographs the screen as it hangs in the hall (1920×1080) as `name`. */
async function photograph(page: Page, name: string): Promise<void> {
  const file = screenshotPath(name, 'desktop').replace(/-desktop\.png$/, '-1920x1080.png');
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, animations: 'disabled' });
}

/** While the gateway is down, every request of the page fails: expected, and only then. */
let gatewayDown = false;
let screen: WatchedPage;
let late: RestCase;

it('the big screen says its feed dropped, reconnects by itself and shows what changed while it was away', async () => {
  screen = await w.open({ expected: (p) => gatewayDown && (p.kind === 'requestfailed' || p.kind === 'console') });
  const big = screen.page;
  await big.setViewportSize(FULL_HD);
  await w.visit(big, 'screen');
  await w.signIn(big, 'screen', SCREEN_ACCOUNT, DEMO_PASSWORD, (p) =>
    p.getByRole('heading', { level: 1, name: /办件实时情况/ }).waitFor({ timeout: 15_000 }),
  );
  const status = big.getByRole('status');
  await status.getByText('实时更新中').waitFor();
  let loads = 0;
  big.on('load', () => (loads += 1));

  // A case accepted at the window reaches the screen live, the applicant's name masked, no signal yet.
  late = await acts.accepted(await w.newApplicant(APPLICANT));
  const row = big.getByRole('region', { name: '在办件' }).getByRole('row').filter({ hasText: late.caseNumber });
  await row.waitFor({ timeout: 30_000 });
  expect(await row.innerText()).toContain('司***');
  expect(await row.innerText()).not.toContain('红牌');
  await big.getByText(ACCEPTED).waitFor();
  // Supervision has applied the acceptance (its clock runs): only then can the timer raise anything.
  const matters = mongo.db(w.stack.supervisionDb!).collection('matters');
  await eventually(
    async () => (await matters.findOne({ _id: late.id as never, acceptedDate: ACCEPTED })) !== null,
    "supervision to apply the case's acceptance",
  );

  await w.stack.restartGateway(async () => {
    gatewayDown = true;
    // The screen notices and says so, in words, while it tries again.
    await status.getByText('连接中断，正在重连').waitFor({ timeout: 15_000 });
    await photograph(big, 'screen-reconnecting');
    // Meanwhile supervision's time passes the statutory limit: its timer raises the 红牌 and saves the clock, which
    // no browser hears of (the gateway is away). Waited for in supervision's own database.
    setSupervisionNow(LATE);
    await eventually(
      async () => (await matters.findOne({ _id: late.id as never, signalRank: 3 })) !== null,
      'supervision to raise the 红牌 while the gateway is down',
    );
    // Still disconnected, the screen shows none of it.
    expect(await row.innerText()).not.toContain('红牌');
    await status.getByText('连接中断，正在重连').waitFor();
  });
  gatewayDown = false;

  // Back: live again, and the change made while away is on the screen, without a reload.
  await status.getByText('实时更新中').waitFor({ timeout: 90_000 });
  await row.filter({ hasText: '红牌' }).waitFor({ timeout: 30_000 });
  await big.getByText(LATE).waitFor({ timeout: 30_000 });
  // The window's tile names who serves it (its A post, as the hall shows staff: the display name alone).
  const tile = big
    .getByRole('region', { name: '窗口状态' })
    .getByRole('listitem')
    .filter({ hasText: '市场监管综合受理窗口' });
  await tile.getByText('有红牌').waitFor();
  expect((await tile.innerText()).replace(/\s+/g, ' ')).toMatch(
    /^E\d\d 市场监管综合受理窗口 当班：办件测试人员 服务中 在办 1 件 有红牌$/,
  );
  expect(await big.getByRole('region', { name: '今日办件' }).innerText()).toMatch(/红牌\s*[1-9]/);
  expect(await big.locator('body').innerText()).not.toContain(APPLICANT);
  expect(loads).toBe(0);

  await checkPage(big, 'screen-reconnected');
  await big.setViewportSize(FULL_HD);
  await photograph(big, 'screen-reconnected');
  expect(screen.problems.list()).toEqual([]);
}, 300_000);
