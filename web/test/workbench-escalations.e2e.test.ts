import { applicationsV1, jointReviewV1 } from '@govhall/proto';
import { waitFor, type Page, type PageProblem } from '@govhall/testing';
import { EscalationWorld } from '../../services/joint-review/test/escalation-world';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './portal-world';
import { browserAt, buttonName, checkPage, tick, type BrowserAt } from './web-world';

// 上报件 (J3/J4) on the workbench, in a real browser against the real stack (identity, catalogue, cases service,
// joint-review hosting both the county and the city, and the gateway serving the built apps, each its own process):
// the county's window clerk finds the escalated case under 上报件跟踪 and forwards it; the city's window lead finds it
// under 上级办理, reads the applicant's data and materials and returns it for supplement; the clerk answers with a
// note and a file of the case; the city's approver decides (a denial without reasons refused at its field first) and
// approves; the clerk sees 已办结 and the case goes on (办理中).

const S = jointReviewV1.EscalationState;
const ew = new EscalationWorld('same');
let web: BrowserAt;

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

const clerk = () => ew.world.token('clerk');
const parentLead = () => ew.parentToken('parentLead');

/**
 * The record's state tag on its page, once the page shows `state`: an act reloads the record when its request
 * answered; a change made elsewhere (the other center's act, the transfer) shows after reloading the page.
 */
async function showsState(page: Page, state: string): Promise<void> {
  const tag = page.locator('.ant-descriptions-item').filter({ hasText: '状态' }).getByText(state, { exact: true });
  // First without reloading: a reload would abort an act's request still under way.
  const shown = await tag
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (shown) return;
  await page.waitForLoadState('networkidle');
  await waitFor(
    async () => {
      if ((await tag.count()) > 0) return true;
      await page.reload();
      await page.getByRole('heading', { name: '上报件详情' }).waitFor();
      await page.getByText('办件编号').first().waitFor();
      return (await tag.count()) > 0 || undefined;
    },
    { timeoutMs: 30_000, what: `the page showing ${state}` },
  );
}

beforeAll(async () => {
  await ew.start();
  // One deployment hosts both tenants: the parent's records are read where the county's are.
  ew.parentClient = ew.world.escalationClient;
  web = await browserAt(new URL(await ew.world.startGateway()).origin);
}, 400_000);
afterAll(async () => {
  await web?.close();
  await ew.stop();
}, 120_000);

it('the county forwards, the city returns, the county resupplies, the city approves; the county sees it concluded', async () => {
  const c = await ew.escalatedCase('上报浏览器测试便利店');
  expect(c.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_ESCALATED);
  const opened = await ew.senderOf(c.id);
  expect(opened!.state).toBe(S.ESCALATION_STATE_AWAITING_FORWARD);

  // The county's window clerk: 上报件跟踪 lists the record awaiting forward; its page forwards it.
  const lower = await web.open({ expected: noSupervision });
  await web.visit(lower.page, 'workbench', 'escalations');
  await web.signIn(lower.page, 'workbench', ew.world.login.clerk, PASSWORD);
  const row = lower.page.getByRole('row').filter({ hasText: c.caseNumber });
  await row.waitFor();
  expect(await row.innerText()).toContain('待报送');
  await checkPage(lower.page, 'workbench-escalation-follow-ups');
  await row.getByRole('link', { name: c.caseNumber }).click();
  await lower.page.getByRole('heading', { name: '上报件详情' }).waitFor();
  await lower.page.getByLabel('报送说明').fill('申请人材料齐全，请市局审批。');
  await lower.page.getByRole('button', { name: buttonName('报送') }).click();
  const inHandling = await ew.until(
    'lower',
    opened!.id,
    clerk,
    (e) => e.state === S.ESCALATION_STATE_IN_HANDLING,
    'the sender in handling',
  );
  expect(inHandling.note).toBe('申请人材料齐全，请市局审批。');
  expect(inHandling.forwardedBy).toBe(ew.world.login.clerk);
  await showsState(lower.page, '上级办理中');
  expect(lower.problems.list()).toEqual([]);

  // The city's window lead: 上级办理 lists it; its page shows the applicant and the materials, and returns it.
  const parent = await web.open({ expected: noSupervision });
  await web.visit(parent.page, 'workbench', 'received-escalations');
  await web.signIn(parent.page, 'workbench', ew.parentLogin.parentLead, PASSWORD);
  const received = parent.page.getByRole('row').filter({ hasText: c.caseNumber });
  await received.waitFor();
  expect(await received.innerText()).toContain('上级办理中');
  await checkPage(parent.page, 'workbench-escalations-received');
  await received.getByRole('link', { name: c.caseNumber }).click();
  await parent.page.getByText('申请人材料齐全，请市局审批。').waitFor();
  const caseCard = await parent.page.locator('.ant-card').first().innerText();
  expect(caseCard).toContain('上报测试许可');
  expect(caseCard).toContain('证件号码');
  const firstFile = inHandling.files[0]!;
  await parent.page.getByRole('cell', { name: firstFile.fileName }).first().waitFor();
  expect(await parent.page.getByText('作出决定', { exact: true }).count()).toBe(0);
  await parent.page.getByLabel('退回理由').fill('缺少经营场所平面图\n请补充卫生管理制度');
  await parent.page.getByRole('button', { name: buttonName('退回补充') }).click();
  await showsState(parent.page, '退回补充');
  await checkPage(parent.page, 'workbench-escalation-returned');
  expect(parent.problems.list()).toEqual([]);

  // The county's clerk sees the return and its reasons, and resupplies with a file of the case.
  const returned = await ew.until(
    'lower',
    opened!.id,
    clerk,
    (e) => e.state === S.ESCALATION_STATE_RETURNED,
    'the sender returned',
  );
  await showsState(lower.page, '退回补充');
  await lower.page.getByText('缺少经营场所平面图').waitFor();
  await lower.page.getByLabel('补充说明').fill('已补充平面图和卫生管理制度。');
  await tick(lower.page.getByRole('checkbox').first());
  await checkPage(lower.page, 'workbench-escalation-resupply');
  await lower.page.getByRole('button', { name: buttonName('报送补充材料') }).click();
  const resupplied = await ew.until(
    'lower',
    opened!.id,
    clerk,
    (e) => e.state === S.ESCALATION_STATE_IN_HANDLING && e.round === returned.round + 1,
    'the supplement in handling',
  );
  expect(resupplied.files.filter((f) => f.round === 2)).toHaveLength(1);
  // 登记跟踪: the clerk records a call to the city.
  await showsState(lower.page, '上级办理中');
  await lower.page.getByLabel('跟踪情况').fill('电话询问市局审批科，已收到补充材料。');
  await lower.page.getByLabel('联系的上级人员').fill('市局审批科');
  await lower.page.getByRole('button', { name: buttonName('登记') }).click();
  await lower.page.getByText('已登记跟踪情况。').waitFor();
  await lower.page.getByText('电话询问市局审批科，已收到补充材料。（联系：市局审批科）', { exact: false }).waitFor();
  const followed = await ew.get('lower', opened!.id, await clerk());
  expect(followed.followUps).toEqual([
    expect.objectContaining({
      text: '电话询问市局审批科，已收到补充材料。',
      contact: '市局审批科',
      by: ew.world.login.clerk,
    }),
  ]);
  expect(lower.problems.list()).toEqual([]);

  // The city's approver: a denial without reasons is refused at 理由, nothing decided; then approves.
  const receiverId = resupplied.counterpartId;
  const approver = await web.open({
    expected: (p) =>
      noSupervision(p) || expectedAnswers([['POST', 400, /^\/api\/v1\/joint-review\/escalations\/.+\/decision$/]])(p),
  });
  await web.visit(approver.page, 'workbench', `escalation/${receiverId}`);
  await web.signIn(approver.page, 'workbench', ew.parentLogin.parentApprover, PASSWORD);
  await approver.page.getByText('已补充平面图和卫生管理制度。').waitFor();
  await approver.page.getByLabel('不予许可').check();
  await approver.page.getByRole('button', { name: buttonName('作出决定') }).click();
  expect(await fieldError(approver.page, /^理由$/)).toContain('请至少填写一条理由');
  expect((await ew.get('parent', receiverId, await parentLead())).state).toBe(S.ESCALATION_STATE_IN_HANDLING);
  await checkPage(approver.page, 'workbench-escalation-decision-refused');
  await approver.page.getByLabel('准予许可').check();
  await approver.page.getByLabel('决定文书编号').fill('金市监许〔2026〕88号');
  await approver.page.getByRole('button', { name: buttonName('作出决定') }).click();
  await showsState(approver.page, '上级已决定');
  expect(approver.problems.list()).toEqual([]);

  // The county's clerk sees 已办结 with the decision; the case goes on.
  const concluded = await ew.until(
    'lower',
    opened!.id,
    clerk,
    (e) => e.state === S.ESCALATION_STATE_CONCLUDED,
    'the sender concluded',
  );
  expect(concluded.decision?.documentNumber).toBe('金市监许〔2026〕88号');
  await showsState(lower.page, '已办结');
  await lower.page.getByText('上级决定：准予许可（金市监许〔2026〕88号）').waitFor();
  await checkPage(lower.page, 'workbench-escalation-concluded');
  const now = await waitFor(
    async () => {
      const got = await ew.world.getCase(c.id);
      return got.status === applicationsV1.CaseStatus.CASE_STATUS_PROCESSING ? got : undefined;
    },
    { timeoutMs: 30_000, what: 'the case in processing' },
  );
  expect(now.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_PROCESSING);
  expect(lower.problems.list()).toEqual([]);
});
