import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jointReviewV1, applicationsV1 } from '@govhall/proto';
import { waitFor, type PageProblem } from '@govhall/testing';
import { JointWorld, RSJ, TENANT, ZRZY, type Login } from '../../services/joint-review/test/joint-world';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { expectedRefusals, fieldError } from './admin-catalogue-world';
import { browserAt, buttonName, checkPage, waitForStillness, type BrowserAt } from './web-world';
import { closeDialog, dialog } from './workbench-world';

// 联办件 on the workbench, in a real browser against the real stack (identity, catalogue, cases service, joint-review
// and the gateway serving the built apps, each its own process): the co-department's window lead finds the task under
// 联审任务, reads the review with the case's shared view (the applicant, its part of the form, the materials: the ID
// card downloaded is the file the applicant gave) and gives a conditional agreement (first without its conditions, refused at the field)
// with a PDF attached (a text file refused at upload first); the other co-department answers over the API; the lead
// window's clerk sees the opinion's attachment (the file downloaded is the one uploaded) and concludes on the review
// page with an attachment of its own (a denial without reasons is refused at the field first), and the case goes on to
// its decision step. Then the acts around the
// opinions: 人社局's window lead finds a second case in 本部门任务 (filtered by state) and 转派 its task to a colleague,
// who answers; the lead clerk asks 人社局 to 重新审查 (a time limit past the case's promised due date refused at its
// field first) and adds 卫生健康局 (the same refusal at its field); 人社局's window lead answers again.

const world = new JointWorld();
let web: BrowserAt;

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

/** The co-department's signed opinion and the lead's consolidated one, uploaded on the workbench. */
const OPINION_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% 人社局审查意见\ntrailer<<>>\n%%EOF\n');
const CONCLUSION_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% 联审结论\ntrailer<<>>\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A department's opinion on `task`, given over the API by `who` of the world. */
async function answer(
  task: jointReviewV1.Task,
  who: Login,
  opinion: { kind: jointReviewV1.OpinionKind; text: string; reasons?: string[] },
): Promise<void> {
  await world.call<jointReviewV1.SubmitOpinionRequest, jointReviewV1.SubmitOpinionResponse>(
    'submitOpinion',
    {
      taskId: task.id,
      expectedVersion: task.version,
      kind: opinion.kind,
      text: opinion.text,
      reasons: opinion.reasons ?? [],
      conditions: [],
      attachmentIds: [],
    },
    await world.token(who),
  );
}

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

  // 人社局's window lead: 联审任务 lists the task; the review page shows every department's task. The text file's
  // upload below is refused (400) by design.
  const refusedUpload = expectedRefusals(/\/api\/v1\/joint-review\/attachments$/);
  const co = await web.open({ expected: (p) => noSupervision(p) || refusedUpload(p) });
  await web.visit(co.page, 'workbench', 'joint');
  await web.signIn(co.page, 'workbench', world.login.leadA, PASSWORD);
  const row = co.page.getByRole('row').filter({ hasText: c.caseNumber });
  await row.waitFor();
  expect(await row.innerText()).toContain('第1阶段');
  await checkPage(co.page, 'workbench-joint-tasks');
  await row.getByRole('link', { name: '联办测试许可' }).click();
  await co.page.getByRole('heading', { name: '联审办理' }).waitFor();
  await co.page.getByText('本部门意见').waitFor();

  // J14 / J11: the shared view. No flow is configured: 人社局's part is the whole form; the ID card is marked for all.
  const applicant = co.page.getByRole('region', { name: '申请人基本信息' });
  await applicant.waitFor();
  expect(await applicant.innerText()).toContain(world.applicant.name);
  expect(await applicant.innerText()).toContain(world.applicant.idNumber);
  const part = await co.page.getByRole('region', { name: '本部门需审查的表单内容' }).innerText();
  // Labelled by the item's form (its field's title), not by the path.
  expect(part).toContain('店铺名称');
  expect(part).toContain('联办测试便利店');
  const idCard = c.materials.find((m) => m.materialId === 'id-card')!.files[0]!;
  const materials = co.page.getByRole('region', { name: '申请材料' });
  const served = co.page.waitForResponse((r) => r.url().includes(`/reviews/${review.id}/files/${idCard.id}`));
  await materials.getByRole('button', { name: /^查看 身份证\.pdf/ }).click();
  expect((await served).headers()['content-disposition']).toContain("filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81.pdf");
  const viewer = dialog(co.page, /身份证\.pdf$/);
  const downloading = co.page.waitForEvent('download');
  await viewer.getByRole('link', { name: '下载' }).click();
  const saved = await downloading;
  expect(saved.suggestedFilename()).toBe('身份证.pdf');
  expect(
    createHash('sha256')
      .update(readFileSync((await saved.path())!))
      .digest('hex'),
  ).toBe(idCard.sha256);
  await closeDialog(viewer);
  await checkPage(co.page, 'workbench-joint-shared-view');
  // Each department's opinions so far: both tasks, none answered yet.
  expect(await co.page.getByRole('region', { name: '各部门审查意见' }).innerText()).toContain('待认领');

  await co.page.getByLabel('附条件同意').check();
  await co.page.getByLabel('意见内容').fill('同意设立，附条件。');
  await co.page.getByRole('button', { name: buttonName('提交意见') }).click();
  await co.page.getByText('附条件同意时请填写条件').waitFor();
  await checkPage(co.page, 'workbench-joint-opinion-refused');
  await co.page.getByLabel('附加的条件（每行一条）').fill('开业前取得消防安全检查合格意见\n从业人员按时参加社会保险');
  // An attachment: a text file is refused by its content, the PDF is stored and listed.
  const opinionForm = co.page.getByRole('region', { name: '本部门意见' });
  const chooser = opinionForm.locator('input[type=file]');
  await chooser.setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await opinionForm.getByText('“说明.txt”未能上传：附件只能是PDF、OFD、JPEG或PNG文件').waitFor();
  await chooser.setInputFiles({ name: '人社局审查意见.pdf', mimeType: 'application/pdf', buffer: OPINION_PDF });
  await opinionForm.getByRole('list', { name: '已上传的附件' }).getByText('人社局审查意见.pdf').waitFor();
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
      attachments: [{ fileName: '人社局审查意见.pdf', contentType: 'application/pdf', sha256: sha256(OPINION_PDF) }],
      givenBy: world.login.leadA,
      source: jointReviewV1.WorkSource.WORK_SOURCE_WORKBENCH,
    },
  });
  expect(co.problems.list()).toEqual([]);

  // 自然资源局 answers over the API; the review then awaits the lead's conclusion.
  const zrzyTask = answered.tasks.find((t) => t.department === ZRZY)!;
  await answer(zrzyTask, 'leadB', { kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE, text: '用地符合规划，同意。' });

  // The lead window's clerk concludes on the review page.
  const lead = await web.open({ expected: noSupervision });
  await web.visit(lead.page, 'workbench', `joint/${review.id}`);
  await web.signIn(lead.page, 'workbench', world.login.clerk, PASSWORD);
  await lead.page.getByText('待牵头部门出具结论').waitFor();
  // antd renders a scrolling table's header and body as two tables: the body's rows hold the opinions.
  const table = await lead.page.getByRole('table').filter({ hasText: '用地符合规划' }).innerText();
  expect(table).toContain('开业前取得消防安全检查合格意见');
  expect(table).toContain('用地符合规划，同意。');
  // The opinion's attachment, opened and downloaded: the bytes 人社局 uploaded.
  const opinions = lead.page.getByRole('region', { name: '各部门审查意见' });
  await opinions.getByRole('button', { name: /^附件 人社局审查意见\.pdf/ }).click();
  const attached = dialog(lead.page, /人社局审查意见\.pdf$/);
  const downloadingOpinion = lead.page.waitForEvent('download');
  await attached.getByRole('link', { name: '下载' }).click();
  const savedOpinion = await downloadingOpinion;
  expect(savedOpinion.suggestedFilename()).toBe('人社局审查意见.pdf');
  expect(sha256(readFileSync((await savedOpinion.path())!))).toBe(sha256(OPINION_PDF));
  await closeDialog(attached);
  await lead.page.getByLabel('不予许可（办件办结）').check();
  await lead.page.getByRole('button', { name: buttonName('出具结论') }).click();
  await lead.page.getByText('不予许可时请填写理由').waitFor();
  await lead.page.getByLabel('同意（转入决定环节）').check();
  const conclusionForm = lead.page.getByRole('region', { name: '牵头部门结论' });
  await conclusionForm
    .locator('input[type=file]')
    .setInputFiles({ name: '联审结论.pdf', mimeType: 'application/pdf', buffer: CONCLUSION_PDF });
  await conclusionForm.getByRole('list', { name: '已上传的附件' }).getByText('联审结论.pdf').waitFor();
  await checkPage(lead.page, 'workbench-joint-conclusion');
  await lead.page.getByRole('button', { name: buttonName('出具结论') }).click();
  await lead.page.getByText('已出具联审结论：同意，办件转入决定环节。').waitFor();
  await lead.page.getByText('已出结论').waitFor();
  await lead.page.getByRole('button', { name: /^附件 联审结论\.pdf/ }).waitFor();
  expect((await world.reviewOfCase(c.id)).conclusion?.attachments).toMatchObject([
    { fileName: '联审结论.pdf', sha256: sha256(CONCLUSION_PDF), uploadedBy: world.login.clerk },
  ]);

  const decided = await waitFor(
    async () => {
      const now = await world.getCase(c.id);
      return now.status === applicationsV1.CaseStatus.CASE_STATUS_PROCESSING && now;
    },
    { timeoutMs: 30_000, what: 'the case to go on to its decision step' },
  );
  expect(decided.status).toBe(applicationsV1.CaseStatus.CASE_STATUS_PROCESSING);

  // 本部门联办件: the lead window tracks the reviews its department leads; the concluded one is there, and opens.
  await web.visit(lead.page, 'workbench', 'joint?view=reviews');
  await lead.page.locator('#department-review-state').selectOption('concluded');
  const tracked = lead.page.getByRole('row').filter({ hasText: c.caseNumber });
  await tracked.waitFor();
  expect(await tracked.innerText()).toMatch(/本部门[\s\S]*已出结论[\s\S]*2\/2 个部门已出具/);
  await checkPage(lead.page, 'workbench-joint-department-reviews');
  await tracked.getByRole('link').click();
  await lead.page.waitForURL(new RegExp(`/joint/${review.id}$`));
  expect(lead.problems.list()).toEqual([]);
});

it('the department lead reassigns its task, the lead reopens it and adds a department; the department answers again', async () => {
  const c = await world.acceptedJointCase('联办重审便利店');
  const review = await world.openedReview(c.id);
  const backupA = world.login.backupA;

  // 人社局's window lead: 本部门任务 lists the department's tasks by state (a wrong state in the address said at its
  // field); the open task of this case is there, not under 已出具意见.
  const co = await web.open({ expected: noSupervision });
  await web.visit(co.page, 'workbench', 'joint?view=department&state=late');
  await web.signIn(co.page, 'workbench', world.login.leadA, PASSWORD);
  expect(await fieldError(co.page, '任务状态')).toBe('链接中的任务状态“late”不存在，已显示全部状态');
  await co.page.getByRole('tab', { name: '本部门任务', selected: true }).waitFor();
  // Every state: this case's task is listed.
  await co.page.getByRole('row').filter({ hasText: c.caseNumber }).waitFor();
  await co.page.getByLabel('任务状态').selectOption({ label: '已出具意见' });
  await co.page.waitForURL((u) => u.search === '?view=department&state=done');
  await co.page.getByText('链接中的任务状态').waitFor({ state: 'detached' });
  // This case's open task leaves the list; the first test's answered task is in it.
  await co.page.getByRole('row').filter({ hasText: c.caseNumber }).waitFor({ state: 'detached' });
  await co.page.getByRole('row').filter({ hasText: '已出具意见' }).first().waitFor();
  await co.page.getByLabel('任务状态').selectOption({ label: '待认领' });
  const row = co.page.getByRole('row').filter({ hasText: c.caseNumber });
  await row.waitFor();
  // The assignee by name (identity's name of the window lead), not by username.
  expect(await row.innerText()).toContain('联办测试人员');
  expect(await row.innerText()).not.toContain(world.login.leadA);
  await checkPage(co.page, 'workbench-joint-department-tasks');

  // 转派 to a colleague of 人社局: the window lead is asked whom first.
  await row.getByRole('link', { name: '联办测试许可' }).click();
  await co.page.getByRole('heading', { name: '联审办理' }).waitFor();
  await co.page.getByRole('button', { name: buttonName('转派') }).click();
  const assign = co.page.getByRole('dialog', { name: '转派联审任务' });
  await waitForStillness(co.page);
  await assign.getByRole('button', { name: buttonName('确认转派') }).click();
  expect(await fieldError(assign, '承办人')).toBe('请选择承办人');
  await assign.getByLabel('承办人').selectOption(backupA);
  await assign.getByLabel('转派说明（可不填）').fill('请熟悉社保业务的同事办理');
  await checkPage(co.page, 'workbench-joint-reassign');
  await assign.getByRole('button', { name: buttonName('确认转派') }).click();
  await co.page.getByText('已转派该联审任务。').waitFor();
  const reassigned = (await world.reviewOfCase(c.id)).tasks.find((t) => t.department === RSJ)!;
  expect(reassigned).toMatchObject({
    state: jointReviewV1.TaskState.TASK_STATE_OPEN,
    assignee: backupA,
    assignmentBasis: jointReviewV1.AssignmentBasis.ASSIGNMENT_BASIS_ASSIGNED,
  });
  expect(co.problems.list()).toEqual([]);

  // The colleague answers, and so does 自然资源局 (both over the API): the review awaits the lead's conclusion.
  await answer(reassigned, 'backupA', {
    kind: jointReviewV1.OpinionKind.OPINION_KIND_DISAGREE,
    text: '未见社保缴纳证明。',
    reasons: ['未提交从业人员社保缴纳证明'],
  });
  const zrzyTask = review.tasks.find((t) => t.department === ZRZY)!;
  await answer(zrzyTask, 'leadB', { kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE, text: '用地符合规划，同意。' });

  // The lead clerk: 重新审查 for 人社局, a time limit past the case's promised due date refused at its field first.
  const lead = await web.open({
    expected: (p) => noSupervision(p) || expectedRefusals(/\/tasks\/[^/]+\/reopen$/, /\/participants$/)(p),
  });
  await web.visit(lead.page, 'workbench', `joint/${review.id}`);
  await web.signIn(lead.page, 'workbench', world.login.clerk, PASSWORD);
  await lead.page.getByText('待牵头部门出具结论').waitFor();
  const rsjRow = lead.page.getByRole('row').filter({ hasText: '未见社保缴纳证明' });
  await rsjRow.getByRole('button', { name: buttonName('重新审查') }).click();
  const reopen = lead.page.getByRole('dialog', { name: /重新审查$/ });
  await waitForStillness(lead.page);
  await reopen.getByRole('button', { name: buttonName('确认重新审查') }).click();
  expect(await fieldError(reopen, '重新审查的事项')).toBe('请填写需要重新审查的事项');
  await reopen.getByLabel('重新审查的事项').fill('申请人已补充社保缴纳证明，请重新审查');
  await reopen.getByLabel('新的办理时限（工作日）').fill('60');
  await reopen.getByRole('button', { name: buttonName('确认重新审查') }).click();
  expect(await fieldError(reopen, '新的办理时限（工作日）', '承诺办结日期')).toMatch(
    /^按该时限应于\d{4}-\d{2}-\d{2}前完成，晚于办件承诺办结日期\d{4}-\d{2}-\d{2}$/,
  );
  await checkPage(lead.page, 'workbench-joint-reopen-refused');
  expect((await world.reviewOfCase(c.id)).state).toBe(
    jointReviewV1.JointReviewState.JOINT_REVIEW_STATE_AWAITING_CONCLUSION,
  );
  await reopen.getByLabel('新的办理时限（工作日）').fill('3');
  await reopen.getByRole('button', { name: buttonName('确认重新审查') }).click();
  await lead.page.getByText(/^已请.*人力资源和社会保障局重新审查。$/).waitFor();
  await lead.page.getByText('审查中').first().waitFor();
  const reopened = await world.reviewOfCase(c.id);
  expect(reopened.state).toBe(jointReviewV1.JointReviewState.JOINT_REVIEW_STATE_OPEN);
  expect(reopened.tasks.find((t) => t.department === RSJ)).toMatchObject({
    state: jointReviewV1.TaskState.TASK_STATE_OPEN,
    assignee: world.login.leadA,
    budgetWorkingDays: 3,
    note: '申请人已补充社保缴纳证明，请重新审查',
  });
  expect(reopened.tasks.find((t) => t.department === RSJ)!.opinion).toBeUndefined();

  // 增加协办部门: 卫生健康局 in the current stage; a time limit past the promised due date refused at its field first.
  await lead.page.getByRole('button', { name: buttonName('增加协办部门') }).click();
  const add = lead.page.getByRole('dialog', { name: '增加协办部门' });
  await waitForStillness(lead.page);
  await add.getByRole('button', { name: buttonName('确认增加') }).click();
  expect(await fieldError(add, '协办部门')).toBe('请选择部门');
  expect(await fieldError(add, '增加该部门的原因')).toBe('请填写增加该部门的原因');
  // Departments taking part are not offered.
  const offered = await add.getByLabel('协办部门').locator('option').allInnerTexts();
  expect(offered).toContain('永昌县卫生健康局');
  expect(offered.some((o) => o.includes('人力资源和社会保障局') || o.includes('市场监督管理局'))).toBe(false);
  await add.getByLabel('协办部门').selectOption({ label: '永昌县卫生健康局' });
  await add.getByLabel('办理时限（工作日）').fill('60');
  await add.getByLabel('增加该部门的原因').fill('涉及食品经营，征求卫生健康部门意见');
  await add.getByRole('button', { name: buttonName('确认增加') }).click();
  expect(await fieldError(add, '办理时限（工作日）', '承诺办结日期')).toContain('晚于办件承诺办结日期');
  await checkPage(lead.page, 'workbench-joint-add-refused');
  await add.getByLabel('办理时限（工作日）').fill('2');
  await add.getByRole('button', { name: buttonName('确认增加') }).click();
  await lead.page.getByText('已增加协办部门。').waitFor();
  // The opinions' table (the materials' table names the departments a material is marked for too).
  const opinions = lead.page.getByRole('region', { name: '各部门审查意见' });
  await opinions.getByRole('row').filter({ hasText: '永昌县卫生健康局' }).waitFor();
  await checkPage(lead.page, 'workbench-joint-lead-acts');
  const added = (await world.reviewOfCase(c.id)).tasks.find((t) => t.department === `${TENANT}-WJW`);
  expect(added).toMatchObject({
    state: jointReviewV1.TaskState.TASK_STATE_OPEN,
    stage: 1,
    budgetWorkingDays: 2,
    required: true,
    note: '涉及食品经营，征求卫生健康部门意见',
  });
  expect(lead.problems.list()).toEqual([]);

  // 人社局's window lead answers again on the page it left.
  await co.page.reload();
  await co.page.getByText('本部门意见').waitFor();
  await co.page.getByText('任务说明：申请人已补充社保缴纳证明，请重新审查').waitFor();
  await checkPage(co.page, 'workbench-joint-reopened');
  await co.page.getByLabel('同意', { exact: true }).check();
  await co.page.getByLabel('意见内容').fill('已核验社保缴纳证明，同意。');
  await co.page.getByRole('button', { name: buttonName('提交意见') }).click();
  await co.page.getByText('已出具本部门意见：同意。').waitFor();
  const answered = (await world.reviewOfCase(c.id)).tasks.find((t) => t.department === RSJ)!;
  expect(answered).toMatchObject({
    state: jointReviewV1.TaskState.TASK_STATE_DONE,
    opinion: { kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE, givenBy: world.login.leadA },
  });
  // The department waits for 卫生健康局: the review is still open, and 人社局 has no conclusion to give.
  expect((await world.reviewOfCase(c.id)).state).toBe(jointReviewV1.JointReviewState.JOINT_REVIEW_STATE_OPEN);
  expect(await co.page.getByText('牵头部门结论').count()).toBe(0);
  expect(co.problems.list()).toEqual([]);
});
