import { randomInt } from 'node:crypto';
import { catalogueV1 } from '@govhall/proto';
import { bearer, newCreditCode, waitFor, type PageProblem } from '@govhall/testing';
import { JointWorld, TENANT } from '../../services/joint-review/test/joint-world';
import { PASSWORD, testItem } from '../../services/applications/test/cases-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './portal-world';
import { browserAt, buttonName, checkPage, type BrowserAt } from './web-world';

// 重大项目 (J20) in a real browser against the real stack (identity, catalogue, cases service, joint-review and the
// gateway serving the built apps, each its own process). A center administrator creates a project on the workbench's
// 项目管理 (a malformed project code refused at its field first, nothing created) and assigns the 代办员; the 代办员
// finds it under 我代办的项目 and attaches the investor's case by its id (an unknown case refused, nothing attached);
// the progress counts it. Then anyone, without logging in, finds 重大项目进度查询 beside 办件进度查询 on the portal: a
// malformed credit code is refused at its field, a wrong one answers that nothing was found, the right one the
// masked view — no case number, the names masked.

const world = new JointWorld();
let web: BrowserAt;
let gatewayUrl = '';
let centerAdmin = '';
let legalPersonId = '';
let creditCode = '';
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
  await page.getByRole('alert').filter({ hasText: '找不到该项目' }).waitFor();
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
