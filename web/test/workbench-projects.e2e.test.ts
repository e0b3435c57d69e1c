import { randomInt } from 'node:crypto';
import { catalogueV1 } from '@govhall/proto';
import { bearer, newCreditCode, waitFor, type PageProblem } from '@govhall/testing';
import { JointWorld, TENANT } from '../../services/joint-review/test/joint-world';
import { PASSWORD, testItem } from '../../services/applications/test/cases-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './portal-world';
import { browserAt, buttonName, checkPage, waitForStillness, type BrowserAt } from './web-world';

// 重大项目 (J20) in a real browser against the real stack (identity, catalogue, cases service, joint-review and the
// gateway serving the built apps, each its own process). A center administrator creates a project on the workbench's
// 项目管理 (a malformed project code refused at its field first, nothing created) and assigns the 代办员; the 代办员
// finds it under 我代办的项目 and attaches the investor's case by its id (an unknown case refused, nothing attached);
// the progress counts it. Then anyone, without logging in, finds 重大项目进度查询 beside 办件进度查询 on the portal: a
// malformed credit code is refused at its field, a wrong one answers that nothing was found, the right one the
// masked view — no case number, the names masked. The investor logs in to the portal and reads the project's
// progress under 我的项目. Then the 代办员 edits the project (a malformed code refused at its field first, nothing
// changed) and detaches the case with the reason; the center ends the project (关闭 asks for the reason first).

const world = new JointWorld();
let web: BrowserAt;
let gatewayUrl = '';
let centerAdmin = '';
let legalPersonId = '';
let creditCode = '';
/** The project and the investor's case attached to it, as the first test leaves them. */
let projectId = '';
let attached = { id: '', caseNumber: '' };
const projectCode = `2026-${TENANT}-59-01-${String(randomInt(1_000_000)).padStart(6, '0')}`;
const PROJECT_NAME = '金川河物流园建设项目（浏览器测试）';
const INVESTOR = '永昌县金川河浏览器测试投资有限公司';

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');
const staffExpected =
  (...answers: Parameters<typeof expectedAnswers>[0]) =>
  (p: PageProblem) =>
    noSupervision(p) || expectedAnswers(answers)(p);

/** A project as staff read it through the gateway. */
async function projectByCode(token: string) {
  const res = await fetch(`${gatewayUrl}/api/v1/joint-review/projects?q=${encodeURIComponent(projectCode)}`, {
    headers: { authorization: bearer(token).authorization },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { projects: { id: string; projectCode?: string }[] };
  return body.projects.filter((p) => p.projectCode === projectCode);
}

/** The project as the center reads it through the gateway. */
async function projectNow(): Promise<Record<string, unknown> & { version: number; cases: unknown[] }> {
  const res = await fetch(`${gatewayUrl}/api/v1/joint-review/projects/${projectId}`, {
    headers: { authorization: bearer(await world.cases.adminToken()).authorization },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { project: Record<string, unknown> & { version: number; cases: unknown[] } }).project;
}

beforeAll(async () => {
  await world.start();
  gatewayUrl = await world.startGateway();
  web = await browserAt(new URL(gatewayUrl).origin);
  // A center administrator of this run (the realm's shared yc-admin may be locked by others' failed logins).
  centerAdmin = (await world.cases.createStaff('center_admin', { department: '', displayName: '项目测试管理员' }))
    .username;
  // The world's applicant registers the investor, a company it holds.
  creditCode = newCreditCode(TENANT);
  legalPersonId = await world.registerCompany(INVESTOR, creditCode);
}, 400_000);
afterAll(async () => {
  await web?.close();
  await world.stop();
}, 120_000);

it('the center creates a project and assigns its 代办员, who attaches the investor’s case; the progress counts it', async () => {
  // The investor's case, filed in the company's name, waiting for pre-review.
  const draft = testItem('项目浏览器测试备案');
  draft.content.serviceObject = catalogueV1.ServiceObject.SERVICE_OBJECT_BOTH;
  const item = await world.cases.publishItem(draft, world.login.catalogueReviewer);
  const submitted = await world.submittedCase('金川河物流园', { itemId: item.id, onBehalfOf: legalPersonId });
  attached = { id: submitted.id, caseNumber: submitted.caseNumber };

  const center = await web.open({
    expected: staffExpected(
      ['POST', 400, /^\/api\/v1\/joint-review\/projects$/],
      ['POST', 404, /^\/api\/v1\/joint-review\/projects\/.+\/cases$/],
    ),
  });
  await web.visit(center.page, 'workbench', 'projects');
  await web.signIn(center.page, 'workbench', centerAdmin, PASSWORD);
  const page = center.page;
  await page.getByRole('button', { name: buttonName('新建项目') }).click();
  await page.getByLabel('项目名称').fill(PROJECT_NAME);
  await page.getByLabel('项目代码').fill('2026-62');
  await page.getByLabel('项目类型').selectOption('investment');
  await page.getByLabel('审批方式').selectOption('filing');
  await page.getByLabel('投资主体').selectOption(legalPersonId);
  await page.getByLabel('总投资（万元）').fill('12000');
  await page.getByLabel('建设地点').fill('永昌县河西堡镇');
  await page.getByRole('button', { name: buttonName('创建项目') }).click();
  expect(await fieldError(page, '项目代码')).toContain('项目代码应为');
  expect(await projectByCode(await world.cases.adminToken())).toEqual([]);
  await page.getByLabel('项目代码').fill(projectCode);
  await page.getByRole('button', { name: buttonName('创建项目') }).click();
  await page.getByText(`已创建项目“${PROJECT_NAME}”`).waitFor();
  const [created] = await projectByCode(await world.cases.adminToken());
  projectId = created!.id;
  expect(created).toMatchObject({
    projectCode,
    investorPersonId: legalPersonId,
    investorName: INVESTOR,
    kind: 'investment',
    authorisation: 'filing',
    publicProgress: true,
    totalInvestmentFen: 12_000_000_000,
    location: '永昌县河西堡镇',
    state: 'active',
    createdBy: centerAdmin,
  });
  await page.getByRole('tab', { name: '本中心全部项目' }).click();
  const row = page.getByRole('row').filter({ hasText: projectCode });
  await row.waitFor();
  expect(await row.innerText()).toContain('未指定');
  await checkPage(page, 'workbench-projects');

  // The project's page: the center assigns the lead window's clerk as 代办员.
  await row.getByRole('link', { name: PROJECT_NAME }).click();
  await page.getByRole('heading', { name: '项目详情' }).waitFor();
  await page.getByText('12,000万元').waitFor();
  await page.getByLabel('代办员', { exact: true }).selectOption(world.login.clerk);
  await page.getByRole('button', { name: buttonName('保存代办员') }).click();
  await page.getByText('已指定代办员。').waitFor();
  await page
    .getByText(/联办测试人员（/)
    .first()
    .waitFor();
  // A case id nobody filed: refused, nothing attached.
  await page.getByLabel('办件标识').fill('0f8c3a52-6d1e-4b7a-9c2d-5e4f3a2b1c0d');
  await page.getByRole('button', { name: buttonName('关联') }).click();
  await page.getByRole('alert').filter({ hasText: '找不到该办件' }).waitFor();
  await page.getByText('尚未关联办件').waitFor();
  expect(center.problems.list()).toEqual([]);

  // The 代办员 finds it under 我代办的项目 and attaches the investor's case by its id.
  const agent = await web.open({ expected: noSupervision });
  await web.visit(agent.page, 'workbench', 'projects');
  await web.signIn(agent.page, 'workbench', world.login.clerk, PASSWORD);
  await agent.page.getByRole('tab', { name: '我代办的项目', selected: true }).waitFor();
  expect(await agent.page.getByRole('button', { name: buttonName('新建项目') }).count()).toBe(0);
  await agent.page.getByRole('row').filter({ hasText: projectCode }).getByRole('link', { name: PROJECT_NAME }).click();
  // The 代办员 attaches cases; only the center assigns the 代办员.
  await agent.page.getByLabel('办件标识').waitFor();
  expect(await agent.page.getByText('更换代办员').count()).toBe(0);
  await agent.page.getByLabel('办件标识').fill(submitted.id);
  await agent.page.getByRole('button', { name: buttonName('关联') }).click();
  await agent.page.getByText('已关联办件。').waitFor();
  const caseRow = agent.page.getByRole('row').filter({ hasText: submitted.caseNumber });
  await caseRow.waitFor();
  expect(await caseRow.innerText()).toContain('项目浏览器测试备案');
  await waitFor(
    async () =>
      (await agent.page.locator('.ant-statistic').filter({ hasText: '办件总数' }).innerText()).includes('1') ||
      undefined,
    { timeoutMs: 15_000, what: 'the progress counting the attached case' },
  );
  await checkPage(agent.page, 'workbench-project');
  const res = await fetch(`${gatewayUrl}/api/v1/joint-review/projects/${created!.id}/progress`, {
    headers: { authorization: bearer(await world.token('clerk')).authorization },
  });
  expect(await res.json()).toMatchObject({
    progress: { casesTotal: 1, cases: [{ caseId: submitted.id, caseNumber: submitted.caseNumber }] },
  });
  expect(agent.problems.list()).toEqual([]);
});

it('the investor logs in to the portal and reads the project’s progress under 我的项目', async () => {
  const investor = await web.open({ expected: noSupervision });
  const page = investor.page;
  await web.visit(page, 'portal', 'projects');
  await web.signIn(page, 'portal', world.applicant.idNumber, PASSWORD);
  await page.getByRole('heading', { name: '我的项目' }).waitFor();
  const card = page.locator('.ant-card').filter({ hasText: PROJECT_NAME });
  await card.waitFor();
  await card.getByRole('row').filter({ hasText: attached.caseNumber }).waitFor();
  let text = await card.innerText();
  expect(text).toContain(projectCode);
  expect(text).toContain('推进中');
  expect(text).toContain('联办测试人员');
  expect(text).toContain('项目浏览器测试备案');
  // The department by its name (read from the tenant's public list), not its code.
  await card.getByRole('cell', { name: '永昌县市场监督管理局' }).waitFor();
  const figure = async (title: string) =>
    (
      await card.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').innerText()
    ).replace(/\s/g, '');
  expect(await figure('办件总数')).toBe('1件');
  expect(await figure('在办')).toBe('1件');
  expect(await figure('已办结')).toBe('0件');
  expect(await figure('已超期')).toBe('0件');
  text = await card.innerText();
  expect(text).not.toContain('620321-SCJG');
  expect(text).toMatch(/预计完成日期：(\d{4}-\d{2}-\d{2}|尚未计时)/);
  // The case's own page is a link away.
  expect(await card.getByRole('link', { name: attached.caseNumber }).getAttribute('href')).toBe(
    `/my/cases/${attached.id}`,
  );
  await checkPage(page, 'portal-my-projects');
  expect(investor.problems.list()).toEqual([]);
});

it('anyone finds 重大项目进度查询 beside 办件进度查询 and reads the masked progress', async () => {
  const citizen = await web.open({
    expected: expectedAnswers([
      ['POST', 400, /^\/api\/v1\/joint-review\/projects\/progress$/],
      ['POST', 404, /^\/api\/v1\/joint-review\/projects\/progress$/],
    ]),
  });
  const page = citizen.page;
  await web.visit(page, 'portal', 'progress');
  await page.getByRole('link', { name: '重大项目进度查询' }).click();
  await page.getByRole('heading', { name: '重大项目进度查询' }).waitFor();
  await page.getByLabel('项目代码').fill(projectCode);
  await page.getByLabel('投资主体统一社会信用代码').fill('91620321MA74');
  await page.getByRole('button', { name: buttonName('查询') }).click();
  expect(await fieldError(page, '投资主体统一社会信用代码')).toContain('统一社会信用代码应为18位');
  // Well-formed but not the investor's: nothing found, nothing told.
  await page.getByLabel('投资主体统一社会信用代码').fill(newCreditCode(TENANT));
  await page.getByRole('button', { name: buttonName('查询') }).click();
  // The same answer whatever the reason, and it names them all.
  const notFound = await page.getByRole('alert').filter({ hasText: '找不到该项目' }).innerText();
  expect(notFound).toContain('请核对项目代码和投资主体的统一社会信用代码');
  expect(notFound).toContain('涉密项目和未开放公开查询的项目不在此提供查询');
  await page.getByLabel('投资主体统一社会信用代码').fill(creditCode.toLowerCase());
  await page.getByRole('button', { name: buttonName('查询') }).click();
  const result = page.locator('.ant-card').filter({ has: page.getByText('查询结果', { exact: true }) });
  await result.getByText(PROJECT_NAME).waitFor();
  const text = await result.innerText();
  expect(text).toContain('永昌县');
  expect(text).not.toContain(INVESTOR);
  expect(text).toContain('联*****');
  expect(text).toContain('项目浏览器测试备案');
  expect(text).toContain('永昌县市场监督管理局');
  expect(text).toContain('推进中');
  expect(text).not.toMatch(/620321\d{12}/);
  await checkPage(page, 'portal-project-progress');
  expect(citizen.problems.list()).toEqual([]);
});

it('the 代办员 edits the project and detaches the case with the reason; the center ends it', async () => {
  const before = await projectNow();
  const agent = await web.open({
    expected: staffExpected(['PUT', 400, /^\/api\/v1\/joint-review\/projects\/[^/]+$/]),
  });
  const page = agent.page;
  await web.visit(page, 'workbench', `projects/${projectId}`);
  await web.signIn(page, 'workbench', world.login.clerk, PASSWORD);
  await page.getByRole('heading', { name: '项目详情' }).waitFor();
  // Only the center ends a project.
  await page.getByRole('button', { name: buttonName('修改项目信息') }).waitFor();
  expect(await page.getByRole('button', { name: buttonName('结束项目') }).count()).toBe(0);

  // 修改项目信息: a malformed code refused at its field, in Chinese; nothing changed.
  await page.getByRole('button', { name: buttonName('修改项目信息') }).click();
  const edit = page.getByRole('dialog', { name: '修改项目信息' });
  await waitForStillness(page);
  expect(await edit.getByLabel('项目名称').inputValue()).toBe(PROJECT_NAME);
  await edit.getByLabel('项目代码').fill('2026-62');
  await edit.getByLabel('建设地点').fill('永昌县河西堡镇工业园区');
  await edit.getByRole('button', { name: buttonName('保存') }).click();
  expect(await fieldError(page, '项目代码')).toBe(
    '格式不正确：项目代码应为“年份-行政区划代码-行业代码-类型代码-顺序号”，如 2026-620321-44-01-000123；没有的不填',
  );
  expect(await projectNow()).toMatchObject({ version: before.version, projectCode, location: '永昌县河西堡镇' });
  await checkPage(page, 'workbench-project-edit');
  await edit.getByLabel('项目代码').fill(projectCode);
  await edit.getByLabel('总投资（万元）').fill('15000');
  await edit.getByRole('button', { name: buttonName('保存') }).click();
  await page.getByText('已保存项目信息。').waitFor();
  await page.getByText('15,000万元').waitFor();
  expect(await projectNow()).toMatchObject({
    version: before.version + 1,
    name: PROJECT_NAME,
    projectCode,
    location: '永昌县河西堡镇工业园区',
    totalInvestmentFen: 15_000_000_000,
    publicProgress: true,
  });

  // 移出: the reason asked for first, then the case leaves the project.
  const caseRow = page.getByRole('row').filter({ hasText: attached.caseNumber });
  await caseRow.getByRole('button', { name: buttonName('移出') }).click();
  const detach = page.getByRole('dialog', { name: `将办件 ${attached.caseNumber} 移出项目` });
  await waitForStillness(page);
  await detach.getByRole('button', { name: buttonName('确认移出') }).click();
  expect(await fieldError(page, '移出原因')).toBe('请填写移出原因');
  await detach.getByLabel('移出原因').fill('误关联：该备案不属于本项目');
  await detach.getByRole('button', { name: buttonName('确认移出') }).click();
  await page.getByText(`已将办件 ${attached.caseNumber} 移出项目。`).waitFor();
  await page.getByText('尚未关联办件').waitFor();
  expect((await projectNow()).cases).toEqual([]);
  expect(agent.problems.list()).toEqual([]);

  // The center ends it: 关闭 without a reason is refused at the field first.
  const center = await web.open({ expected: noSupervision });
  await web.visit(center.page, 'workbench', `projects/${projectId}`);
  await web.signIn(center.page, 'workbench', centerAdmin, PASSWORD);
  await center.page.getByRole('button', { name: buttonName('结束项目') }).click();
  const close = center.page.getByRole('dialog', { name: '结束项目' });
  await waitForStillness(center.page);
  await close.getByRole('radio', { name: /关闭/ }).check();
  await close.getByRole('button', { name: buttonName('确认结束') }).click();
  expect(await fieldError(center.page, '原因')).toBe('关闭项目须说明原因');
  await close.getByLabel('原因').fill('投资方调整计划，项目暂停');
  await checkPage(center.page, 'workbench-project-close');
  await close.getByRole('button', { name: buttonName('确认结束') }).click();
  await center.page.getByText('项目已结束。').waitFor();
  await center.page.getByText('投资方调整计划，项目暂停').waitFor();
  expect(await projectNow()).toMatchObject({ state: 'closed', closedReason: '投资方调整计划，项目暂停' });
  // An ended project offers no act any more.
  expect(await center.page.getByRole('button', { name: buttonName('修改项目信息') }).count()).toBe(0);
  expect(await center.page.getByText('更换代办员').count()).toBe(0);
  expect(center.problems.list()).toEqual([]);
});
