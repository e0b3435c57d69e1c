import { jointReviewV1, applicationsV1 } from '@govhall/proto';
import { waitFor, type PageProblem } from '@govhall/testing';
import { JointWorld, RSJ, ZRZY } from '../../services/joint-review/test/joint-world';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { browserAt, buttonName, checkPage, type BrowserAt } from './web-world';

// 联办件 on the workbench, in a real browser against the real stack (identity, catalogue, cases service, joint-review
// and the gateway serving the built apps, each its own process): the co-department's window lead finds the task under
// 联审任务, reads the review and gives a conditional agreement (first without its conditions, refused at the field);
// the other co-department answers over the API; the lead window's clerk concludes on the review page (a denial without
// reasons is refused at the field first), and the case goes on to its decision step.

const world = new JointWorld();
let web: BrowserAt;

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

beforeAll(async () => {
  await world.start();
  web = await browserAt(new URL(await world.startGateway()).origin);
}, 400_000);
afterAll(async () => {
  await web?.close();
  await world.stop();
}, 120_000);

it('a co-department gives its opinion and the lead concludes on the workbench; the case goes on to its decision', async () => {
  const c = await world.acceptedJointCase('联办测试便利店');
  const review = await world.openedReview(c.id);
  const rsjTask = review.tasks.find((t) => t.department === RSJ)!;
  expect(rsjTask.assignee).toBe(world.login.leadA);

  // 人社局's window lead: 联审任务 lists the task; the review page shows every department's task.
  const co = await web.open({ expected: noSupervision });
  await web.visit(co.page, 'workbench', 'joint');
  await web.signIn(co.page, 'workbench', world.login.leadA, PASSWORD);
  const row = co.page.getByRole('row').filter({ hasText: c.caseNumber });
  await row.waitFor();
  expect(await row.innerText()).toContain('第1阶段');
  await checkPage(co.page, 'workbench-joint-tasks');
  await row.getByRole('link', { name: '联办测试许可' }).click();
  await co.page.getByRole('heading', { name: '联审办理' }).waitFor();
  await co.page.getByText('本部门意见').waitFor();

  await co.page.getByLabel('附条件同意').check();
  await co.page.getByLabel('意见内容').fill('同意设立，附条件。');
  await co.page.getByRole('button', { name: buttonName('提交意见') }).click();
  await co.page.getByText('附条件同意时请填写条件').waitFor();
  await checkPage(co.page, 'workbench-joint-opinion-refused');
  await co.page.getByLabel('附加的条件（每行一条）').fill('开业前取得消防安全检查合格意见\n从业人员按时参加社会保险');
  await co.page.getByRole('button', { name: buttonName('提交意见') }).click();
  await co.page.getByText('已出具本部门意见：附条件同意。').waitFor();
  // No conclusion for a co-department.
  expect(await co.page.getByText('牵头部门结论').count()).toBe(0);
  const answered = await world.reviewOfCase(c.id);
  expect(answered.tasks.find((t) => t.department === RSJ)).toMatchObject({
    state: jointReviewV1.TaskState.TASK_STATE_DONE,
    opinion: {
      kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS,
      text: '同意设立，附条件。',
      conditions: ['开业前取得消防安全检查合格意见', '从业人员按时参加社会保险'],
      givenBy: world.login.leadA,
      source: jointReviewV1.WorkSource.WORK_SOURCE_WORKBENCH,
    },
  });
  expect(co.problems.list()).toEqual([]);

  // 自然资源局 answers over the API; the review then awaits the lead's conclusion.
  const zrzyTask = answered.tasks.find((t) => t.department === ZRZY)!;
  await world.call<jointReviewV1.SubmitOpinionRequest, jointReviewV1.SubmitOpinionResponse>(
    'submitOpinion',
    {
      taskId: zrzyTask.id,
      expectedVersion: zrzyTask.version,
      kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE,
      text: '用地符合规划，同意。',
      reasons: [],
      conditions: [],
      attachmentIds: [],
    },
    await world.token('leadB'),
  );

  // The lead window's clerk concludes on the review page.
  const lead = await web.open({ expected: noSupervision });
  await web.visit(lead.page, 'workbench', `joint/${review.id}`);
  await web.signIn(lead.page, 'workbench', world.login.clerk, PASSWORD);
  await lead.page.getByText('待牵头部门出具结论').waitFor();
  // antd renders a scrolling table's header and body as two tables: the body's rows hold the opinions.
  const table = await lead.page.getByRole('table').filter({ hasText: '用地符合规划' }).innerText();
  expect(table).toContain('开业前取得消防安全检查合格意见');
  expect(table).toContain('用地符合规划，同意。');
  await lead.page.getByLabel('不予许可（办件办结）').check();
  await lead.page.getByRole('button', { name: buttonName('出具结论') }).click();
  await lead.page.getByText('不予许可时请填写理由').waitFor();
  await lead.page.getByLabel('同意（转入决定环节）').check();
  await checkPage(lead.page, 'workbench-joint-conclusion');
  await lead.page.getByRole('button', { name: buttonName('出具结论') }).click();
  await lead.page.getByText('已出具联审结论：同意，办件转入决定环节。').waitFor();
  await lead.page.getByText('已出结论').waitFor();

  const decided = await waitFor(
    async () => {
      const now = await world.getCase(c.id);
      return now.status === applicationsV1.CaseStatus.CASE_STATUS_PROCESSING && now;
    },
    { timeoutMs: 30_000, what: 'the case to go on to its decision step' },
  );
  expect(decided.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_PROCESSING);
  expect(lead.problems.list()).toEqual([]);
});
