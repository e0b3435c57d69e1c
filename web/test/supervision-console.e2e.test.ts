import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uniqueSuffix, userToken, type Locator, type Page, type WatchedPage } from '@govhall/testing';
import { caseActs, eventually, PASSWORD, SCJG, YC, type RestCase } from '../../gateway/test/cases-stack';
import { expectedAnswers } from './admin-org-world';
import { buttonName, checkPage, startWebWorld, type WebWorld } from './web-world';
import { supervisionComplaintTests } from './supervision-complaints.suite';
import { chooseIn, fieldError, staffPage } from './workbench-world';

// The supervisor's console beyond the live overview, in a real browser against the real stack (the cases world with
// supervision, each its own process; supervision's time moved by CLOCK_FILE): 督办 orders issued, listed, answered by
// the clerk they name (who reads supervision's message in the workbench's inbox) and closed; 统计报表 against the
// KPIs the API answers; 考核标准 changed into a new version, a bad value refused in Chinese at its field; 投诉统计 and
// 满意度 against the complaints service (its own clock file).

let w: WebWorld;
const acts = caseActs(() => w);
const clockDir = mkdtempSync(path.join(tmpdir(), 'govhall-supervision-console-clock-'));
const clockFile = path.join(clockDir, 'now');
const complaintsClock = path.join(clockDir, 'complaints-now');
/** A supervisor who is also the tenant's center administrator (考核标准 is saved by the latter). */
let supervisor = '';
let accepted: RestCase;

const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;
const setSupervisionNow = (day: string) => writeFileSync(clockFile, chinaNoon(day));
// Monday 7 December 2026: the case accepted and the order issued, due in one working day; Thursday 10 December the
// order is past its deadline (its own clock's 黄牌, ADR 0044).
const ISSUED = '2026-12-07';
const LATE = '2026-12-10';
const SUBJECT = '食品经营许可办件进度督办';
const OTHER_TENANT_DEPARTMENT = '620302-SCJG';

const supervisorToken = () => userToken(supervisor, { password: PASSWORD });

beforeAll(async () => {
  writeFileSync(clockFile, '');
  writeFileSync(complaintsClock, '');
  w = await startWebWorld({
    supervision: { env: { CLOCK_FILE: clockFile, CLOCK_REFRESH_INTERVAL_MS: '1000' } },
    complaints: { env: { CLOCK_FILE: complaintsClock } },
  });
  supervisor = `s${uniqueSuffix().slice(-6)}-con`;
  const created = await w.api('POST', '/identity/staff', {
    token: await userToken('yc-admin'),
    body: {
      tenant: YC,
      username: supervisor,
      displayName: '监察控制台测试',
      phone: '13909350002',
      roles: ['supervisor', 'center_admin'],
      initialPassword: PASSWORD,
      permanentPassword: true,
    },
  });
  if (created.status !== 201) throw new Error(`supervisor: ${created.status} ${JSON.stringify(created.body)}`);
  w.setClock(chinaNoon(ISSUED));
  setSupervisionNow(ISSUED);
  accepted = await acts.accepted(await w.newApplicant('督办测试'));
}, 300_000);

afterAll(async () => {
  w?.setClock();
  await w?.stop();
  rmSync(clockDir, { recursive: true, force: true });
}, 480_000);

let console_: WatchedPage;

async function supervisorPage(): Promise<Page> {
  if (console_) return console_.page;
  console_ = await w.open({
    // The refusals the order form and the scoring standard provoke on purpose.
    expected: expectedAnswers([
      ['POST', 400, /\/api\/v1\/supervision\/orders$/],
      ['PUT', 400, /\/api\/v1\/supervision\/scoring\/standard$/],
    ]),
  });
  await w.visit(console_.page, 'supervision');
  await w.signIn(console_.page, 'supervision', supervisor, PASSWORD);
  return console_.page;
}

/** The unread count the API answers `username`. */
async function unreadOf(username: string): Promise<number> {
  const reply = await w.api('GET', '/supervision/messages/mine?unreadOnly=true&pageSize=1', {
    token: await userToken(username, { password: PASSWORD }),
  });
  expect(reply.status).toBe(200);
  return reply.body.total as number;
}

/** The workbench's navigation entry 消息: its badge says `n` unread (none when 0). */
async function badgeSays(nav: Locator, n: number): Promise<void> {
  const link = nav.getByRole('link', { name: /^消息/ });
  if (n === 0) await link.locator('.inbox-badge').waitFor({ state: 'detached' });
  else await link.getByLabel(`${n}条未读`).waitFor();
}

let orderId = '';

it('a supervisor issues a 督办 order on a case (refused in Chinese at the field first) and sees it listed', async () => {
  const page = await supervisorPage();
  await eventually(async () => {
    const reply = await w.api('GET', `/supervision/clocks/${accepted.id}`, { token: await supervisorToken() });
    return reply.status === 200;
  }, "the accepted case's clock");
  await w.visit(page, 'supervision', `/clocks/${accepted.id}`);
  await page.getByRole('heading', { level: 1, name: `办件计时：${accepted.caseNumber}` }).waitFor();
  await page.getByRole('link', { name: '督办此件' }).click();
  await page.getByRole('heading', { level: 1, name: '发出督办' }).waitFor();
  const main = page.locator('main');
  // The case and its department come from the clock page.
  expect(await main.getByLabel('督办对象（办件标识、部门编码或窗口标识）').inputValue()).toBe(accepted.id);
  expect(await main.getByLabel('责任部门编码').inputValue()).toBe(SCJG);

  await main.getByLabel('督办事由').fill(SUBJECT);
  await main.getByLabel('督办要求').fill('请于一个工作日内说明办理进度。');
  await main.getByLabel('责任人用户名（不填：由责任部门负责人答复）').fill(w.login.clerk);
  // A deadline out of range (the gateway's rule) and another tenant's department (the service's): each refused at
  // its field, in Chinese, and no order is made.
  await main.getByLabel('办理期限（工作日，自督办次日起算）').fill('0');
  await main.getByRole('button', { name: buttonName('发出督办') }).click();
  expect(await fieldError(main, '办理期限（工作日，自督办次日起算）')).toMatch(/[\u4e00-\u9fff]/);
  await main.getByLabel('办理期限（工作日，自督办次日起算）').fill('1');
  await main.getByLabel('责任部门编码').fill(OTHER_TENANT_DEPARTMENT);
  await main.getByRole('button', { name: buttonName('发出督办') }).click();
  expect(await fieldError(main, '责任部门编码')).toBe('责任部门应为本级进驻部门');
  await checkPage(page, 'supervision-order-refused');
  const none = await w.api('GET', '/supervision/orders', { token: await supervisorToken() });
  expect(none.body.orders).toEqual([]);

  await main.getByLabel('责任部门编码').fill(SCJG);
  await main.getByRole('button', { name: buttonName('发出督办') }).click();
  await page.getByRole('heading', { level: 1, name: `督办：${SUBJECT}` }).waitFor();
  orderId = new URL(page.url()).pathname.split('/').pop()!;
  expect(orderId).toMatch(/^ord-[0-9a-f]{32}$/);
  await main.getByText('待办理').first().waitFor();
  await main.getByText('尚未答复。').waitFor();
  await checkPage(page, 'supervision-order-issued');

  await page.getByRole('link', { name: '督办', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '督办' }).waitFor();
  const row = main.locator('table').getByRole('row').filter({ hasText: SUBJECT });
  await row.getByText('待办理').waitFor();
  expect(await row.innerText()).toContain(w.login.clerk);
  await chooseIn(page, page.getByRole('combobox', { name: '督办状态' }), '已办结');
  await page.waitForURL(/state=closed/);
  await row.waitFor({ state: 'detached' });
  await main.getByText('没有督办事项').waitFor();
  await checkPage(page, 'supervision-orders-closed-none');
  await w.visit(page, 'supervision', '/orders');
  await row.waitFor();
  await checkPage(page, 'supervision-orders');
  expect(console_.problems.list()).toEqual([]);
}, 240_000);

it('past its deadline the order is overdue, the clerk is told in the workbench inbox, reads it, and answers', async () => {
  const page = await supervisorPage();
  setSupervisionNow(LATE);
  await eventually(async () => {
    const reply = await w.api('GET', `/supervision/orders/${orderId}`, { token: await supervisorToken() });
    return reply.status === 200 && reply.body.clock.signal === 'yellow';
  }, "the order's 黄牌");
  await w.visit(page, 'supervision', '/orders?overdue=1');
  const main = page.locator('main');
  await main.locator('table').getByRole('row').filter({ hasText: SUBJECT }).waitFor();
  await checkPage(page, 'supervision-orders-overdue');

  const clerk = w.login.clerk;
  // The message about the order's 黄牌 reaches the clerk (supervision's messages group reads its signal topic).
  const token = await userToken(clerk, { password: PASSWORD });
  await eventually(async () => {
    const reply = await w.api('GET', '/supervision/messages/mine?unreadOnly=true&pageSize=100', { token });
    return reply.status === 200 && reply.body.messages.some((m: { matterId: string }) => m.matterId === orderId);
  }, "the clerk's message about the order");
  const before = await unreadOf(clerk);
  expect(before).toBeGreaterThanOrEqual(1);

  const workbench = await staffPage(w, 'clerk');
  const wb = workbench.page;
  const nav = wb.getByRole('navigation', { name: '主导航' });
  await badgeSays(nav, before);
  await nav.getByRole('link', { name: /^消息/ }).click();
  await wb.getByRole('heading', { level: 1, name: '消息' }).waitFor();
  // The order's 预警 and 黄牌 each told (ADR 0045): the 黄牌's message, which opens the order.
  const item = wb
    .getByRole('listitem', { name: new RegExp(`^【黄牌】${SUBJECT}`) })
    .filter({ has: wb.locator(`a[href$="/orders/${orderId}"]`) });
  await item.waitFor();
  expect(await item.innerText()).toContain('您是责任人');
  await checkPage(wb, 'workbench-inbox-unread');
  await item.getByRole('button', { name: buttonName('标为已读') }).click();
  await item.getByText('已读', { exact: true }).waitFor();
  // The badge counts again at once: one fewer, as the API says.
  await badgeSays(nav, before - 1);
  expect(await unreadOf(clerk)).toBe(before - 1);
  await checkPage(wb, 'workbench-inbox-read');

  // The clerk opens the order from the message and answers it.
  await item.getByRole('link').first().click();
  await wb.getByRole('heading', { level: 1, name: `督办：${SUBJECT}` }).waitFor();
  const form = wb.locator('main');
  await form.getByLabel('办理情况').fill('已完成审查，正在制证。');
  await form.getByRole('button', { name: buttonName('答复督办') }).click();
  await form.getByText('已答复').first().waitFor();
  await form.getByText(/答复：已完成审查，正在制证。/).waitFor();
  // The addressee does not close: that is the supervisor's.
  expect(await form.getByRole('button', { name: buttonName('办结督办') }).count()).toBe(0);
  await checkPage(wb, 'workbench-order-replied');
  expect(workbench.problems.list()).toEqual([]);
}, 240_000);

it('the supervisor sees the reply and closes the order', async () => {
  const page = await supervisorPage();
  await w.visit(page, 'supervision', `/orders/${orderId}`);
  const main = page.locator('main');
  await main.getByText(/答复：已完成审查，正在制证。/).waitFor();
  await main.getByLabel('办结意见（可不填）').fill('情况属实，予以办结。');
  await main.getByRole('button', { name: buttonName('办结督办') }).click();
  await main.getByText(/办结：情况属实，予以办结。/).waitFor();
  await main.getByText('已办结').first().waitFor();
  await checkPage(page, 'supervision-order-closed');
  const reply = await w.api('GET', `/supervision/orders/${orderId}`, { token: await supervisorToken() });
  expect(reply.body.order).toMatchObject({ state: 'closed', closingNote: '情况属实，予以办结。' });
  expect(console_.problems.list()).toEqual([]);
}, 120_000);

interface KpiFigure {
  subject: { id: string };
  counts: Record<string, number>;
  rates: { onTimeRate?: number };
}

it('统计报表 shows the figures the API answers for the same month', async () => {
  const page = await supervisorPage();
  await w.visit(page, 'supervision', '/reports');
  await page.getByRole('heading', { level: 1, name: '统计报表' }).waitFor();
  // The page's month is the browser's; the API is asked for the same one.
  const month = await page.getByRole('textbox', { name: '统计月份' }).inputValue();
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  const table = page.getByRole('region', { name: `各部门办理情况（${month}）` }).locator('table');
  const token = await supervisorToken();
  const kpis = async () => {
    const reply = await w.api(
      'GET',
      `/supervision/kpis?level=department&periodKind=month&fromKey=${month}&toKey=${month}`,
      { token },
    );
    expect(reply.status).toBe(200);
    return reply.body.figures as KpiFigure[];
  };
  let last: KpiFigure[] = [];
  await eventually(async () => {
    last = await kpis();
    return last.some((f) => f.subject.id === SCJG);
  }, 'the KPIs to count this run’s case').catch((e: Error) => {
    throw new Error(`${e.message}; the API answers ${JSON.stringify(last)}`);
  });
  const shown = async () => {
    await table.getByRole('row').filter({ hasText: SCJG }).waitFor();
    // (antd's hidden measuring row has no text; the header row is not a figure.)
    return (await table.locator('tbody tr').allInnerTexts())
      .map((r) => r.split(/\s+/).filter(Boolean))
      .filter((r) => r.length > 0 && r[0] !== '部门');
  };
  const expected = (api: KpiFigure[]) =>
    api.map((f) => [
      f.subject.id,
      String(f.counts.accepted),
      String(f.counts.completed),
      String(f.counts.onTime),
      f.rates.onTimeRate === undefined ? '无数据' : `${(f.rates.onTimeRate * 100).toFixed(1)}%`,
      String(f.counts.warnings),
      String(f.counts.yellowCards),
      String(f.counts.redCards),
      String(f.counts.violations),
    ]);
  // Other runs' cases share the topics: the API and the page are read again until both were read between two
  // changes (the same figures, row by row).
  let rows: string[][] = [];
  const figures = await eventually(
    async () => {
      await page.reload();
      const api = await kpis();
      rows = await shown();
      return JSON.stringify(rows) === JSON.stringify(expected(api)) && api;
    },
    'the report to show the API’s figures',
    60_000,
  ).catch((e: Error) => {
    throw new Error(`${e.message}; the page shows ${JSON.stringify(rows)}`);
  });
  expect(figures.find((f) => f.subject.id === SCJG)!.counts.accepted).toBeGreaterThanOrEqual(1);
  await checkPage(page, 'supervision-reports');
  expect(console_.problems.list()).toEqual([]);
}, 180_000);

it('考核标准: a bad grade line is refused in Chinese at its field; a changed weight is saved as a new version', async () => {
  const page = await supervisorPage();
  await w.visit(page, 'supervision', '/scoring');
  await page.getByRole('heading', { level: 1, name: '考核标准' }).waitFor();
  const panel = page.getByRole('region', { name: '考核标准' });
  await panel.getByText('当前使用默认考核标准').waitFor();
  const before = await w.api('GET', '/supervision/scoring/standard', { token: await supervisorToken() });
  const standard = before.body.standard as { bands: { excellent: number }; indicators: { fullMarks: number }[] };
  expect(standard.indicators.length).toBeGreaterThanOrEqual(2);

  // 良好 at or above 优秀: the service's rule, shown under 良好分数线; nothing saved.
  const good = panel.getByLabel('良好分数线');
  await good.fill(String(standard.bands.excellent));
  await panel.getByRole('button', { name: buttonName('保存为新版本') }).click();
  expect(await fieldError(panel, '良好分数线')).toBe('良好分数线应低于优秀分数线');
  await checkPage(page, 'supervision-scoring-refused');
  const unchanged = await w.api('GET', '/supervision/scoring/standard', { token: await supervisorToken() });
  expect(unchanged.body.latestVersion).toBe(before.body.latestVersion);

  // Five points moved from the second indicator to the first: the weights still sum to 100.
  await good.fill(String(standard.bands.excellent - 10));
  const marks = panel.getByLabel('分值');
  const first = standard.indicators[0]!.fullMarks;
  const second = standard.indicators[1]!.fullMarks;
  await marks.nth(0).fill(String(first + 5));
  await marks.nth(1).fill(String(second - 5));
  await panel.getByRole('button', { name: buttonName('保存为新版本') }).click();
  await panel.getByText(/当前最新为第 1 版/).waitFor();
  await panel.getByText(/历史版本：.*第1版/).waitFor();
  const after = await w.api('GET', '/supervision/scoring/standard', { token: await supervisorToken() });
  expect(after.body.standard.version).toBe(1);
  expect(after.body.standard.indicators.slice(0, 2).map((i: { fullMarks: number }) => i.fullMarks)).toEqual([
    first + 5,
    second - 5,
  ]);
  await checkPage(page, 'supervision-scoring-saved');
}, 180_000);

supervisionComplaintTests(() => w, supervisorPage, supervisorToken, complaintsClock);
