import { chinaToday } from '../src/admin/org/calendar-grid';
import { jointReviewV1 } from '@govhall/proto';
import { waitFor, type Locator, type Page, type PageProblem } from '@govhall/testing';
import { DelegationScene, SLJ } from '../../services/joint-review/test/delegation-world';
import { JointWorld } from '../../services/joint-review/test/joint-world';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './portal-world';
import { fieldError as fieldErrorIn } from './workbench-world';
import { browserAt, buttonName, checkPage, waitForStillness, type BrowserAt } from './web-world';

// 代受理 (J7, J8) in a real browser against the real stack (identity, catalogue, cases service, joint-review and the
// gateway serving the built apps, each its own process). The center's administrator records an entrustment
// agreement of 永昌县水务局 on the admin console's 代受理协议 (the item chosen by its name, the comprehensive window,
// the budgets and dates); a case of the item accepted at the comprehensive window becomes a delegated case; the clerk
// serving the window finds it under 代受理件 on the workbench, is refused a blank pre-review opinion at its field
// (nothing changes) and transfers it with one; 水务局's approver sees it and the decision to make in the case; the
// administrator's 代受理量统计 counts it; 修改协议 refuses an end before the start at its field (nothing changed), saves a
// later end and a longer reply budget; 终止协议 with its reason lists it under 已终止.

const S = jointReviewV1.DelegatedCaseState;
const world = new JointWorld();
const scene = new DelegationScene(world);
let web: BrowserAt;
let centerAdmin = '';
const AGREEMENT_NUMBER = '永政务委〔2026〕浏览器1号';

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

/** Chooses `option` in the antd select labelled `label` in `scope`, typing `typed` to find it first. */
async function pick(page: Page, scope: Locator, label: string, option: string, typed?: string): Promise<void> {
  await waitForStillness(page);
  await scope.getByLabel(label, { exact: true }).click({ force: true });
  if (typed) await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first()
    .click();
  await page.keyboard.press('Escape');
}

/** The delegated case's state tag on its page, reloading until a change made elsewhere shows. */
async function showsState(page: Page, state: string): Promise<void> {
  const tag = page.locator('.ant-descriptions-item').filter({ hasText: '状态' }).getByText(state, { exact: true });
  await waitFor(
    async () => {
      if ((await tag.count()) > 0) return true;
      await page.waitForLoadState('networkidle');
      if ((await tag.count()) > 0) return true;
      await page.reload();
      await page.getByRole('heading', { name: '代受理件详情' }).waitFor();
      await page.getByText('办件编号').first().waitFor();
      return (await tag.count()) > 0 || undefined;
    },
    { timeoutMs: 30_000, what: `the page showing ${state}` },
  );
}

beforeAll(async () => {
  await world.start();
  await scene.start();
  web = await browserAt(new URL(await world.startGateway()).origin);
  // A center administrator of this run (the realm's shared yc-admin may be locked by others' failed logins).
  centerAdmin = (await world.cases.createStaff('center_admin', { department: '', displayName: '代受理测试管理员' }))
    .username;
}, 400_000);
afterAll(async () => {
  await web?.close();
  await scene.stop();
  await world.stop();
}, 120_000);

it('the center records an agreement, the clerk transfers the delegated case with an opinion, the department and the statistics see it', async () => {
  const today = chinaToday(new Date());

  // The administrator records the agreement on 代受理协议: the item found by its name, the comprehensive window.
  const admin = await web.open({ expected: noSupervision });
  await web.visit(admin.page, 'admin', 'delegation');
  await web.signIn(admin.page, 'admin', centerAdmin, PASSWORD);
  await admin.page.getByRole('heading', { name: '代受理协议' }).waitFor();
  await admin.page.getByText('暂无代受理协议').waitFor();
  await admin.page.getByRole('button', { name: buttonName('新建协议') }).click();
  const form = admin.page.getByRole('dialog', { name: '新建代受理协议' });
  await form.waitFor();
  await waitForStillness(admin.page);
  await form.getByLabel('委托部门', { exact: true }).selectOption({ label: '永昌县水务局' });
  await form.getByLabel('协议编号').fill(AGREEMENT_NUMBER);
  await pick(admin.page, form, '委托事项', scene.item.name, scene.item.name.slice(0, 4));
  await pick(admin.page, form, '代受理窗口', `综合受理窗口（${scene.window.number}）`);
  await form.getByLabel('转办时限（工作日）').fill('2');
  await form.getByLabel('回复时限（工作日）').fill('1');
  await form.getByLabel('签订日期').fill(today);
  await form.getByLabel('生效日期').fill(today);
  await checkPage(admin.page, 'admin-delegation-agreement-form');
  await form.getByRole('button', { name: buttonName('保存') }).click();
  await admin.page
    .getByRole('status')
    .filter({ hasText: `已登记协议 ${AGREEMENT_NUMBER}。` })
    .waitFor();
  const row = admin.page.getByRole('row').filter({ hasText: AGREEMENT_NUMBER });
  await row.waitFor();
  expect(await row.innerText()).toContain(scene.item.name);
  expect(await row.innerText()).toContain('有效');
  const { agreements } = await scene.call<jointReviewV1.ListAgreementsRequest, jointReviewV1.ListAgreementsResponse>(
    'listAgreements',
    { tenant: '', department: SLJ, itemSeriesId: '', state: 0, page: { pageSize: 20, pageToken: '' } },
    await world.cases.token(centerAdmin),
  );
  expect(agreements).toEqual([
    expect.objectContaining({
      agreementNumber: AGREEMENT_NUMBER,
      items: [expect.objectContaining({ itemSeriesId: scene.item.seriesId })],
      windowIds: [scene.window.id],
      transferWorkingDays: 2,
      replyWorkingDays: 1,
      signedOn: today,
      validFrom: today,
      createdBy: centerAdmin,
    }),
  ]);
  await checkPage(admin.page, 'admin-delegation-agreements');
  expect(admin.problems.list()).toEqual([]);

  // A case of the item accepted at the comprehensive window becomes a delegated case.
  const accepted = await scene.acceptedCase('取水许可申请（浏览器）');
  const opened = await scene.opened(accepted.id);
  expect(opened.state).toBe(S.DELEGATED_CASE_STATE_AT_CENTER);

  // The clerk serving the window: 代受理件 lists it 待转办 with the transfer leg's clock.
  const clerk = await web.open({
    expected: (p) =>
      noSupervision(p) ||
      expectedAnswers([['POST', 400, /^\/api\/v1\/joint-review\/delegation\/cases\/.+\/transfer$/]])(p),
  });
  await web.visit(clerk.page, 'workbench', 'delegated');
  await web.signIn(clerk.page, 'workbench', scene.login.delegationClerk, PASSWORD);
  const listed = clerk.page.getByRole('row').filter({ hasText: accepted.caseNumber });
  await listed.waitFor();
  const listedText = await listed.innerText();
  expect(listedText).toContain('待转办');
  expect(listedText).toContain('永昌县水务局');
  expect(listedText).toContain(`中心转办：${opened.legs[0]!.dueDate}`);
  await checkPage(clerk.page, 'workbench-delegated-cases');
  await listed.getByRole('link', { name: accepted.caseNumber }).click();
  await clerk.page.getByRole('heading', { name: '代受理件详情' }).waitFor();
  await showsState(clerk.page, '待转办');

  // A blank opinion is refused at its field in Chinese by the gateway; nothing changes.
  await clerk.page.getByLabel('预审意见').fill('   ');
  await clerk.page.getByRole('button', { name: buttonName('转办') }).click();
  expect(await fieldError(clerk.page, /^预审意见$/)).toMatch(/[\u4e00-\u9fff]/);
  const unchanged = await scene.opened(accepted.id);
  expect([unchanged.state, unchanged.version]).toEqual([S.DELEGATED_CASE_STATE_AT_CENTER, 1]);
  await checkPage(clerk.page, 'workbench-delegated-transfer-refused');

  await clerk.page.getByLabel('预审意见').fill('材料齐全，初审通过，请水务局审批。');
  await clerk.page.getByRole('button', { name: buttonName('转办') }).click();
  const transferred = await scene.inState(opened.id, S.DELEGATED_CASE_STATE_AT_DEPARTMENT);
  expect(transferred).toMatchObject({
    preReviewOpinion: '材料齐全，初审通过，请水务局审批。',
    transferredBy: scene.login.delegationClerk,
  });
  await showsState(clerk.page, '部门办理中');
  expect(clerk.problems.list()).toEqual([]);

  // 水务局's approver: the case in the department's list, the decision to make and the way to the case.
  const department = await web.open({ expected: noSupervision });
  await web.visit(department.page, 'workbench', 'delegated');
  await web.signIn(department.page, 'workbench', scene.login.sljApprover, PASSWORD);
  const theirs = department.page.getByRole('row').filter({ hasText: accepted.caseNumber });
  await theirs.waitFor();
  expect(await theirs.innerText()).toContain('部门办理中');
  await theirs.getByRole('link', { name: accepted.caseNumber }).click();
  await department.page.getByText('材料齐全，初审通过，请水务局审批。').waitFor();
  await department.page.getByText('委托部门须在办件中作出决定').waitFor();
  const toCase = department.page.getByRole('link', { name: '打开办件作出决定' });
  expect(await toCase.getAttribute('href')).toMatch(new RegExp(`/cases/${accepted.id}$`));
  expect(await department.page.getByRole('button', { name: buttonName('转办') }).count()).toBe(0);
  await checkPage(department.page, 'workbench-delegated-department');
  // The decision task waits in 联审任务 as well (open in the department, whose window lead it names none), and
  // opens the delegated case.
  await web.visit(department.page, 'workbench', 'joint');
  const task = department.page.getByRole('row').filter({ hasText: accepted.caseNumber });
  await task.waitFor();
  expect(await task.innerText()).toContain('代受理件决定');
  await task.getByRole('link').first().click();
  await department.page.waitForURL(new RegExp(`/delegated/${opened.id}$`));
  await department.page.getByText('材料齐全，初审通过，请水务局审批。').waitFor();
  expect(department.problems.list()).toEqual([]);

  // 代受理量统计 counts the month's case for 水务局.
  await web.visit(admin.page, 'admin', 'delegation-statistics');
  await admin.page.getByRole('heading', { name: '代受理量统计' }).waitFor();
  const month = admin.page
    .getByRole('row')
    .filter({ hasText: today.slice(0, 7) })
    .filter({ hasText: '永昌县水务局' });
  await month.waitFor();
  const cells = await month.getByRole('cell').allInnerTexts();
  expect(cells.slice(0, 4)).toEqual(['永昌县水务局', today.slice(0, 7), '1', '1']);
  await admin.page.getByText('中心可根据代受理量等因素提出改为进驻部门的意见').waitFor();
  await checkPage(admin.page, 'admin-delegation-statistics');
  expect(admin.problems.list()).toEqual([]);

  // 修改协议: an end before the start is refused at 截止日期 (nothing changed); a later end and a longer reply budget
  // are saved. Then 终止协议 with its reason.
  const edit = await web.open({
    expected: (p) =>
      noSupervision(p) || expectedAnswers([['PUT', 400, /^\/api\/v1\/joint-review\/delegation\/agreements\/.+$/]])(p),
  });
  await web.visit(edit.page, 'admin', 'delegation');
  await web.signIn(edit.page, 'admin', centerAdmin, PASSWORD);
  await edit.page.getByRole('button', { name: `修改协议：${AGREEMENT_NUMBER}` }).click();
  const editing = edit.page.getByRole('dialog', { name: `修改协议：${AGREEMENT_NUMBER}` });
  await editing.waitFor();
  await waitForStillness(edit.page);
  expect(await editing.getByLabel('协议编号').inputValue()).toBe(AGREEMENT_NUMBER);
  expect(await editing.getByLabel('委托部门', { exact: true }).isDisabled()).toBe(true);
  const [year] = today.split('-');
  await editing.getByLabel('截止日期').fill(`${Number(year) - 1}-12-31`);
  await editing.getByRole('button', { name: buttonName('保存') }).click();
  expect(await fieldErrorIn(editing, '截止日期')).toBe('截止日期不能早于生效日期');
  const agreementNow = async () =>
    (
      await scene.call<jointReviewV1.GetAgreementRequest, jointReviewV1.GetAgreementResponse>(
        'getAgreement',
        { id: agreements[0]!.id },
        await world.cases.token(centerAdmin),
      )
    ).agreement!;
  expect((await agreementNow()).version).toBe(1);
  await checkPage(edit.page, 'admin-delegation-agreement-refused');
  await editing.getByLabel('截止日期').fill(`${Number(year) + 2}-12-31`);
  await editing.getByLabel('回复时限（工作日）').fill('3');
  await editing.getByRole('button', { name: buttonName('保存') }).click();
  await edit.page
    .getByRole('status')
    .filter({ hasText: `已修改协议 ${AGREEMENT_NUMBER}。` })
    .waitFor();
  expect(await agreementNow()).toMatchObject({
    validUntil: `${Number(year) + 2}-12-31`,
    replyWorkingDays: 3,
    version: 2,
  });

  await edit.page.getByRole('button', { name: `终止协议：${AGREEMENT_NUMBER}` }).click();
  const ending = edit.page.getByRole('dialog', { name: `终止协议：${AGREEMENT_NUMBER}` });
  await ending.waitFor();
  await waitForStillness(edit.page);
  await ending.getByLabel('终止原因').fill('转为进驻部门');
  await ending.getByRole('button', { name: buttonName('终止协议') }).click();
  await edit.page
    .getByRole('status')
    .filter({ hasText: `已终止协议 ${AGREEMENT_NUMBER}。` })
    .waitFor();
  expect(await agreementNow()).toMatchObject({
    state: jointReviewV1.AgreementState.AGREEMENT_STATE_TERMINATED,
    terminatedReason: '转为进驻部门',
    terminatedOn: today,
  });
  await edit.page.getByLabel('状态').selectOption({ label: '已终止' });
  const ended = edit.page.getByRole('row').filter({ hasText: AGREEMENT_NUMBER });
  await ended.getByText(`${today}终止：转为进驻部门`).waitFor();
  expect(await ended.getByRole('button').count()).toBe(0);
  await checkPage(edit.page, 'admin-delegation-terminated');
  expect(edit.problems.list()).toEqual([]);
});
