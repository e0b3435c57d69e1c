import { DEMO_PASSWORD, waitFor } from '@govhall/testing';
import { caseActs, PASSWORD, type Applicant } from '../../gateway/test/cases-stack';
import { expectedAnswers } from './admin-org-world';
import { checkPage, startWebWorld, type WebWorld, buttonName } from './web-world';
import { complaintTests, newComplaintHandler } from './portal-complaints.suite';
import { consultationTests } from './portal-consultations.suite';
import { liveConsultationTests } from './portal-live-consultation.suite';

// The portal with data, through its own login: an applicant whose food licence was submitted logs in with the
// portal's 登录 button on Keycloak's page (PKCE, code exchanged by the page itself), finds the case in 我的办件 and
// withdraws it; a draft is deleted from its editor. A completed case is rated (好差评) on its page, once: the
// complaints service runs behind the gateway for it. At the counter, the clerk invites a rating of the visit and the
// window's rating device (the realm's ycx-rating-a01, bound to window A01: the world's window) takes it (一次一评).
// The bad rating opened a rectification (差评整改): the department head assigns it in the workbench, the handler
// calls the applicant back and concludes, and the applicant reads the outcome on the case's page. The center enters a
// suggestion-box slip with its scan (C4) in 满意度统计, which lists it and shows the scan.

let w: WebWorld;
const acts = caseActs(() => w);
let applicant: Applicant;
/** The case the applicant rated 不满意 (the first rating test): its rectification is worked in the last test. */
let badlyRated: { id: string; number: string } | undefined;

beforeAll(async () => {
  w = await startWebWorld({ complaints: {}, windowNumber: 'A01' });
  applicant = await w.newApplicant('钱门户');
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

it('an applicant logs in through the portal and follows a submitted case in 我的办件', async () => {
  const submitted = await acts.submitted(applicant);
  const { page, problems } = await w.open();

  await w.visit(page, 'portal', 'my');
  await page.getByText('登录后可查看您的办件。').waitFor();
  await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
  expect(new URL(page.url()).pathname).toBe('/my');
  expect(await page.locator('header').first().innerText()).toContain('钱门户');

  const row = page.getByRole('link', { name: '食品经营许可' });
  await row.waitFor();
  const listed = await page.locator('.ant-list-item').first().innerText();
  expect(listed).toContain(`办件编号：${submitted.caseNumber}`);
  expect(listed).toContain('待预审');
  await checkPage(page, 'portal-my-cases');

  await row.click();
  await page.getByRole('heading', { level: 1, name: /食品经营许可/ }).waitFor();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('食品经营许可');
  expect(await page.locator('main').innerText()).toContain(submitted.caseNumber);
  await checkPage(page, 'portal-case');

  // The applicant withdraws it: a reason is required (said at its field), then the case ends.
  await page.getByRole('button', { name: '撤回申请' }).click();
  const dialog = page.getByRole('dialog', { name: '撤回申请' });
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await dialog.getByText('请填写撤回原因').waitFor();
  expect(await dialog.getByLabel('撤回原因').getAttribute('aria-invalid')).toBe('true');
  await dialog.getByLabel('撤回原因').fill('经营场所变更，重新申请');
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('main .ant-tag', { hasText: '已撤回' }).first().waitFor();
  expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
  await checkPage(page, 'portal-case-withdrawn');
  expect((await acts.get(submitted.id, await applicant.token())).status).toBe('withdrawn');

  // A draft never submitted is deleted from its editor (asked once more), and leaves the drafts.
  const draft = await acts.draft(applicant, w.food.id, {}, []);
  await w.visit(page, 'portal', 'my?list=drafts');
  await page.getByRole('link', { name: '食品经营许可' }).click();
  await page.getByRole('link', { name: '继续填写' }).click();
  await page.getByRole('button', { name: '删除草稿' }).click();
  await page
    .getByRole('tooltip', { name: /删除这份草稿/ })
    .getByRole('button', { name: buttonName('删除') })
    .click();
  await page.getByRole('status').filter({ hasText: '已删除“食品经营许可”的草稿' }).waitFor();
  expect(new URL(page.url()).search).toBe('?list=drafts');
  await page.getByText('没有草稿的办件').waitFor();
  await checkPage(page, 'portal-draft-deleted');
  expect((await acts.get(draft.id, await applicant.token())).status).toBe('voided');

  expect(problems.list()).toEqual([]);
});

it('an applicant rates a completed case once; a bad rating needs its reason', async () => {
  const c = await acts.accepted(applicant);
  await acts.completed(c.id);
  // The page asks for the case's rating: none yet is a 404 it expects (RATING_NOT_FOUND), before the rating.
  const { page, problems } = await w.open({
    expected: expectedAnswers([['GET', 404, new RegExp(`^/api/v1/ratings/cases/${c.id}$`)]]),
  });
  await w.visit(page, 'portal', `my/cases/${c.id}`);
  await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
  const card = page.locator('.ant-card', { has: page.getByText('评价本次服务') });
  const form = card.getByRole('form', { name: '评价本次服务' });
  // The case's completion reaches the complaints service through the case stream: the page offers the form once the
  // service knows the case as completed (a reload shows it).
  const token = await applicant.token();
  await waitFor(
    async () => (await w.api('GET', `/ratings/cases/${c.id}`, { token })).body.code === 'RATING_NOT_FOUND',
    {
      timeoutMs: 30_000,
      what: 'the completed case known to the complaints service',
    },
  );
  await page.reload();
  // The page asks the ratings only when the applicant opens them.
  await card.getByRole('button', { name: '评价或查看评价' }).click();
  await form.waitFor();
  await checkPage(page, 'portal-case-rating');

  // Two stars (不满意) without a reason: refused at the field, nothing sent.
  await card.locator('label', { hasText: /^不满意$/ }).click();
  expect(await card.getByRole('radio', { name: '不满意', exact: true }).isChecked()).toBe(true);
  await card.getByRole('button', { name: '提交评价' }).click();
  await card.getByText('请说明不满意的理由（至少2个字）').waitFor();
  await card.getByLabel('不满意的理由（必填）').fill('窗口让我补交了两次同样的材料');
  await card.getByRole('button', { name: '提交评价' }).click();
  await card.locator('[data-rating-level="2"]').waitFor({ timeout: 30_000 });
  expect(await card.innerText()).toContain('窗口让我补交了两次同样的材料');
  expect(await card.getByRole('button', { name: '提交评价' }).count()).toBe(0);
  await checkPage(page, 'portal-case-rated');

  // Read again after a reload: the rating stays, and the service refuses a second one.
  await page.reload();
  await card.getByRole('button', { name: '评价或查看评价' }).click();
  await card.locator('[data-rating-level="2"]').waitFor();
  const again = await w.api('POST', `/ratings/cases/${c.id}`, { token, body: { level: 5 } });
  expect([again.status, again.body.code]).toEqual([409, 'ALREADY_RATED']);
  expect(problems.list()).toEqual([]);
  badlyRated = { id: c.id, number: c.caseNumber };
});

it("the clerk invites a rating at the counter and the window's rating device takes it, once", async () => {
  const accepted = await acts.accepted(applicant);
  const device = await w.open();
  await w.visit(device.page, 'device');
  await w.signIn(device.page, 'device', 'ycx-rating-a01', DEMO_PASSWORD, (p) =>
    p.getByText('欢迎您！办理完成后，请对我们的服务作出评价。').waitFor(),
  );
  expect(await device.page.getByRole('heading', { level: 1 }).innerText()).toBe('A01号窗口');
  await checkPage(device.page, 'device-waiting');

  const clerk = await w.open();
  await w.visit(clerk.page, 'workbench', `cases/${accepted.id}`);
  await w.signIn(clerk.page, 'workbench', w.login.clerk, PASSWORD);
  const panel = clerk.page.getByRole('region', { name: '邀请评价（一次一评）' });
  await panel.getByRole('button', { name: buttonName('邀请评价') }).click();
  await panel.getByText(/^已在A01号窗口的评价器上邀请办事人评价本次服务/).waitFor();
  await checkPage(clerk.page, 'workbench-rating-invited');

  // The device shows the form at once (the watch), names the case, and asks a reason for a bad rating.
  await device.page.getByRole('heading', { name: '请您对本次服务作出评价' }).waitFor();
  expect(await device.page.locator('main').innerText()).toContain(accepted.caseNumber!);
  expect(await device.page.getByRole('heading', { level: 1 }).innerText()).toBe('A01号窗口 市场监管综合受理窗口');
  await checkPage(device.page, 'device-invited');
  await device.page.locator('label', { hasText: /^不满意$/ }).click();
  expect(await device.page.getByRole('radio', { name: '不满意', exact: true }).isChecked()).toBe(true);
  await device.page.getByRole('button', { name: buttonName('提交评价') }).click();
  await device.page.getByText('请说明不满意的理由（至少2个字）').waitFor();
  await device.page.locator('label', { hasText: /^非常满意$/ }).click();
  await device.page.getByRole('button', { name: buttonName('提交评价') }).click();
  await device.page.getByRole('heading', { name: '感谢您的评价！' }).waitFor();
  await checkPage(device.page, 'device-thanked');

  // The same visit cannot be rated twice: the form is gone for good, the device waits for the next invitation.
  await device.page.getByText('欢迎您！办理完成后，请对我们的服务作出评价。').waitFor({ timeout: 20_000 });
  expect(await device.page.getByRole('button', { name: buttonName('提交评价') }).count()).toBe(0);
  // The clerk's 满意度统计 (C6): the ratings naming them, this month: the case they served that its applicant rated
  // 不满意 online (the test before), and the visit just rated 非常满意 on the device, newest first.
  await clerk.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '满意度统计' }).click();
  await clerk.page.getByText('统计范围：对本人的评价（按评价日期，北京时间）。').waitFor();
  await clerk.page.getByRole('button', { name: buttonName('统计') }).click();
  const figures = clerk.page.getByRole('region', { name: '满意度' });
  await figures.getByText('评价总数').waitFor();
  expect(await figures.innerText()).toMatch(/评价总数\s*2\b/);
  expect(await figures.innerText()).toContain('50.00%');
  const list = clerk.page.getByRole('region', { name: '评价明细' });
  await list.getByText('共 2 条评价').waitFor();
  const rows = list.getByRole('row');
  const row = await rows.filter({ hasText: '窗口评价器' }).innerText();
  expect(row).toContain('非常满意');
  expect(await rows.filter({ hasText: '网上评价' }).innerText()).toContain('不满意');
  expect(row).toContain(`${w.login.clerk}（窗口服务）`);
  await checkPage(clerk.page, 'workbench-satisfaction');

  expect(device.problems.list()).toEqual([]);
  expect(clerk.problems.list()).toEqual([]);
});

it('差评整改: the head assigns the bad rating, the handler calls back and concludes, the applicant reads the outcome', async () => {
  if (!badlyRated?.number) throw new Error('the rating test did not rate a case with a number');
  const rated = badlyRated;
  // The department head: the department's open rectifications, the bad rating among them.
  const head = await w.open();
  await w.visit(head.page, 'workbench', 'rectifications');
  await w.signIn(head.page, 'workbench', w.login.head, PASSWORD);
  const link = head.page.getByRole('link', { name: new RegExp(rated.number) });
  await link.waitFor({ timeout: 30_000 });
  await head.page.getByText('范围：本部门的差评整改。', { exact: false }).waitFor();
  await checkPage(head.page, 'workbench-rectifications');
  await link.click();
  await head.page.getByText('窗口让我补交了两次同样的材料').waitFor();
  const assign = head.page.locator('.ant-card', { hasText: '指派整改处理人' });
  await assign.getByRole('combobox', { name: '处理人' }).fill(w.login.clerkB);
  await head.page.locator(`.ant-select-item-option[title="办件测试人员（${w.login.clerkB}）"]`).click();
  await assign.getByRole('button', { name: buttonName('指派') }).click();
  await head.page.locator('.ant-descriptions', { hasText: '处理人' }).getByText('办件测试人员').waitFor();
  await checkPage(head.page, 'workbench-rectification-assigned');
  expect(head.problems.list()).toEqual([]);

  // The handler: a conclusion before reaching the applicant is refused; the call-back, then 立行立改.
  const handler = await w.open({
    expected: expectedAnswers([['POST', 409, /^\/api\/v1\/rectifications\/[0-9a-f-]+\/conclusion$/]]),
  });
  await w.visit(handler.page, 'workbench', 'rectifications');
  await w.signIn(handler.page, 'workbench', w.login.clerkB, PASSWORD);
  await handler.page.getByText('范围：指派给本人的差评整改。', { exact: false }).waitFor();
  await handler.page.getByRole('link', { name: new RegExp(rated.number) }).click();
  const conclude = handler.page.locator('.ant-card', { hasText: '办结整改' });
  await conclude.getByText('立行立改').click();
  await conclude.getByLabel('整改情况（将告知评价人）').fill('已核实，窗口改为一次性告知所需材料');
  await conclude.getByRole('button', { name: buttonName('提交') }).click();
  await conclude.getByText('实名差评须先回访到评价人，才能办结整改').waitFor();
  const callBack = handler.page.locator('.ant-card', { hasText: '记录回访' });
  await callBack.getByLabel('回访情况').fill('已电话联系申请人致歉，并告知整改措施');
  await callBack.getByRole('button', { name: buttonName('保存回访记录') }).click();
  await handler.page.getByText(/已联系到评价人。已电话联系申请人致歉/).waitFor();
  const again = handler.page.locator('.ant-card', { hasText: '办结整改' });
  await again.getByText('立行立改').click();
  await again.getByLabel('整改情况（将告知评价人）').fill('已核实，窗口改为一次性告知所需材料');
  await again.getByRole('button', { name: buttonName('提交') }).click();
  await handler.page.locator('.ant-descriptions').getByText('已办结').waitFor();
  expect(await handler.page.locator('.ant-descriptions').innerText()).toContain('已核实，窗口改为一次性告知所需材料');
  await checkPage(handler.page, 'workbench-rectification-closed');
  expect(handler.problems.list()).toEqual([]);

  // The applicant reads the outcome with the rating.
  const { page, problems } = await w.open();
  await w.visit(page, 'portal', `my/cases/${rated.id}`);
  await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
  const card = page.locator('.ant-card', { has: page.getByText('评价本次服务') });
  await card.getByRole('button', { name: '评价或查看评价' }).click();
  await card.getByText('整改结果').waitFor();
  expect(await card.innerText()).toContain('已立行立改：已核实，窗口改为一次性告知所需材料');
  await checkPage(page, 'portal-case-rectified');
  expect(problems.list()).toEqual([]);
});

it('C4: the complaint handler enters a suggestion-box slip with its scan by case number; 满意度统计 lists it and shows the scan', async () => {
  const c = await acts.accepted(applicant);
  await acts.completed(c.id);
  const token = await applicant.token();
  await waitFor(
    async () => (await w.api('GET', `/ratings/cases/${c.id}`, { token })).body.code === 'RATING_NOT_FOUND',
    { timeoutMs: 30_000, what: 'the completed case known to the complaints service' },
  );
  // The center's complaint handler (投诉处理人员), made by the center administrator.
  const handler = await newComplaintHandler(w);
  // An unknown case number is refused by the service (404), shown above the form.
  const { page, problems } = await w.open({
    expected: expectedAnswers([['POST', 404, /^\/api\/v1\/ratings\/slips$/]]),
  });
  await w.visit(page, 'workbench', 'satisfaction');
  await w.signIn(page, 'workbench', handler, PASSWORD);
  const form = page.getByRole('form', { name: '录入评价' });
  await form.waitFor();
  await form.locator('label', { hasText: '意见箱（匿名）' }).click();
  await checkPage(page, 'workbench-record-rating');

  // Nothing filled in: refused at the fields, nothing sent.
  await form.getByRole('button', { name: buttonName('录入评价') }).click();
  await form.getByText('请填写办结办件的办件编号').waitFor();
  await form.getByText('请选择满意程度').waitFor();
  // A bad rating needs its reason; without a scan the slip is refused at its chooser.
  await form.getByLabel('办件编号').fill('620321209912310001');
  await form.locator('label', { hasText: /^不满意$/ }).click();
  await form.getByLabel('不满意的理由（必填）').fill('意见卡：窗口午休时无人值守');
  await form.getByRole('button', { name: buttonName('录入评价') }).click();
  await form.getByText('请选择意见卡扫描件（PDF、JPG 或 PNG）').waitFor();
  await form.getByLabel('意见卡扫描件').setInputFiles({ name: '意见卡.png', mimeType: 'image/png', buffer: PIXEL_PNG });
  await form.getByRole('button', { name: buttonName('录入评价') }).click();
  await page.getByRole('alert').filter({ hasText: '找不到该办件' }).waitFor();

  await form.getByLabel('办件编号').fill(c.caseNumber);
  await form.getByRole('button', { name: buttonName('录入评价') }).click();
  const done = page.getByRole('status').filter({ hasText: `已录入办件 ${c.caseNumber} 的意见箱评价：不满意` });
  await done.waitFor();
  expect(await done.innerText()).toContain('已转被评价部门整改');
  await checkPage(page, 'workbench-rating-recorded');
  const rated = await w.api('GET', `/ratings/cases/${c.id}`, { token });
  expect(rated.body.rating).toMatchObject({ channel: 'suggestion_box', realName: false, hasScan: true, level: 2 });

  // 满意度统计 lists the slip; its scan opens in the viewer.
  await page
    .getByRole('form', { name: '统计期间' })
    .getByRole('button', { name: buttonName('统计') })
    .click();
  await page.getByRole('button', { name: `查看扫描件 ${c.caseNumber}` }).click();
  const viewer = page.getByRole('dialog', { name: `意见卡扫描件：${c.caseNumber}` });
  await viewer.getByRole('img', { name: /^意见卡-[0-9a-f-]+\.png$/ }).waitFor();
  await checkPage(page, 'workbench-rating-scan');
  expect(problems.list()).toEqual([]);
});

complaintTests(
  () => w,
  () => applicant,
);
consultationTests(
  () => w,
  () => applicant,
);
liveConsultationTests(
  () => w,
  () => applicant,
);

/** A 1×1 PNG: the slip's scan. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
