import { readFile } from 'node:fs/promises';
import { caseActs, PNG, type Applicant } from '../../gateway/test/cases-stack';
import { checkPage, startWebWorld, type WebWorld } from './web-world';
import { caseStatus, choose, confirmAct, fieldError, openAct, staffPage } from './workbench-world';

// The workbench with a real online case: the applicant's side goes through the API (as the portal sends it), the
// staff's side through the workbench in the browser, logged in on Keycloak's pages: the window clerk finds the case
// in the window's queue, sends a one-time notice listing two problems, passes pre-review and accepts the
// supplemented case; the reviewer and the approver do their steps; the clerk issues the licence and records its
// delivery, and opens the printable documents.

let w: WebWorld;
const acts = caseActs(() => w);
let applicant: Applicant;

beforeAll(async () => {
  w = await startWebWorld();
  applicant = await w.newApplicant('孙工作台');
}, 240_000);

afterAll(async () => {
  await w?.stop();
}, 480_000);

it('an online food licence goes through the workbench: one-time notice, acceptance, review, decision, delivery', async () => {
  const submitted = await acts.submitted(applicant);

  // The window clerk: the queue of the window, the case in it.
  const clerk = await staffPage(w, 'clerk', 'queue');
  const page = clerk.page;
  const row = page.getByRole('row').filter({ hasText: submitted.caseNumber });
  await row.waitFor();
  expect(await row.innerText()).toContain('孙***'); // masked in lists
  expect(await row.innerText()).toContain('待预审');
  await checkPage(page, 'workbench-queue');

  await row.getByRole('link', { name: '食品经营许可' }).click();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  const main = page.locator('main');
  expect(await main.innerText()).toContain(submitted.caseNumber);
  expect(await main.innerText()).toContain('孙工作台（自然人）');
  // The application form, rendered read-only from the item's schema.
  const operatorName = page.locator('#case-form_operator_name');
  await operatorName.waitFor();
  expect(await operatorName.inputValue()).toBe('永昌县端到端测试便利店');
  expect(await operatorName.isEditable()).toBe(false);

  // A material viewed in the browser: the scanned ID card as an image.
  const fileAnswer = page.waitForResponse((r) => r.url().includes(`/cases/${submitted.id}/files/`));
  await page.getByRole('button', { name: /^查看 法定代表人身份证\.png/ }).click();
  expect((await fileAnswer).headers()['content-type']).toBe('image/png');
  const viewer = page.getByRole('dialog', { name: /法定代表人身份证\.png/ });
  await viewer.getByRole('img', { name: '法定代表人身份证.png' }).waitFor();
  await viewer
    .getByRole('button', { name: /^关\s?闭$/ })
    .first()
    .click();
  await viewer.waitFor({ state: 'hidden' });
  await checkPage(page, 'workbench-case');

  // The one-time notice: an empty problem is refused at its field; then two problems in one notice.
  const notice = await openAct(page, /^一次性告知$/, '出具一次性告知书');
  await notice.getByRole('button', { name: '确认并出具告知书' }).click();
  expect(await fieldError(notice, '需要补正的内容')).toBe('请填写需要补正的内容');
  expect(await fieldError(notice, '材料')).toBe('请选择需要补正的材料');
  const first = notice.getByRole('group', { name: '第 1 项' });
  await choose(page, first, '材料', '经营布局');
  await first.getByLabel('需要补正的内容').fill('经营布局图未标明食品处理区，请补充完整');
  await notice.getByRole('button', { name: '增加一项' }).click();
  const second = notice.getByRole('group', { name: '第 2 项' });
  await choose(page, second, '问题所在', '表单内容');
  await choose(page, second, '表单字段', '经营项目 · 食品安全管理人员姓名');
  await second.getByLabel('需要补正的内容').fill('请提供食品安全管理人员的培训合格证明');
  await checkPage(page, 'workbench-one-time-notice');
  await confirmAct(page, notice, '确认并出具告知书', '已出具一次性告知书');
  expect(await caseStatus(page)).toBe('待补正（补办件）');
  const problems = await main.getByRole('heading', { name: '一次性告知的补正内容' }).locator('..').innerText();
  expect(problems).toContain(
    '材料“与食品经营相适应的主要设备设施、经营布局、操作流程等文件”：经营布局图未标明食品处理区',
  );
  expect(problems).toContain('表单“经营项目 · 食品安全管理人员姓名”：请提供食品安全管理人员的培训合格证明');
  const noticed = await acts.get(submitted.id, await applicant.token());
  expect(noticed.problems).toEqual([
    expect.objectContaining({ materialId: 'premises-layout', message: '经营布局图未标明食品处理区，请补充完整' }),
    expect.objectContaining({ field: 'business.foodSafetyManager', message: '请提供食品安全管理人员的培训合格证明' }),
  ]);

  // The applicant supplements (the portal's part) and resubmits.
  const token = await applicant.token();
  expect((await acts.upload(submitted.id, 'premises-layout', token, [['经营布局（补正）.png', PNG]])).status).toBe(200);
  const complete = await acts.act(submitted.id, 'upload-complete', token);
  expect((await acts.submit(submitted.id, token, complete.version)).body.status).toBe('pre_review');

  // Back at the window: pre-review passed, then accepted; the acceptance notice opens as a PDF.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  expect(await caseStatus(page)).toBe('待预审');
  await confirmAct(page, await openAct(page, /^预审通过$/, '预审通过'), '确认预审通过', '预审已通过');
  await confirmAct(page, await openAct(page, /^受\s?理$/, '受理'), '确认受理', '已受理');
  expect(await caseStatus(page)).toBe('办理中');
  const pdf = page.waitForResponse((r) => r.url().includes(`/cases/${submitted.id}/documents/`));
  await page.getByRole('button', { name: '打开受理通知书' }).click();
  const answer = await pdf;
  expect(answer.headers()['content-type']).toBe('application/pdf');
  // The document the clerk prints: downloaded from the viewer, it is the PDF itself.
  const doc = page.getByRole('dialog', { name: /^受理通知书/ });
  const download = page.waitForEvent('download');
  await doc.getByRole('link', { name: '下载' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile((await saved.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await doc
    .getByRole('button', { name: /^关\s?闭$/ })
    .first()
    .click();
  expect(clerk.problems.list()).toEqual([]);

  // The reviewer finds it among the department's review steps and completes 审查 with an opinion.
  const reviewer = await staffPage(w, 'reviewer', 'queue');
  const reviewRow = reviewer.page.getByRole('row').filter({ hasText: submitted.caseNumber });
  await reviewRow.getByRole('link', { name: '食品经营许可' }).click();
  await reviewer.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  const step = '办结“审查（含现场核查）”环节';
  const review = await openAct(reviewer.page, step, step);
  await review.getByRole('button', { name: `确认${step}` }).click();
  expect(await fieldError(review, '办理意见')).toBe('请填写办理意见');
  await review.getByLabel('办理意见').fill('经现场核查，符合许可条件');
  await confirmAct(reviewer.page, review, `确认${step}`, '“审查（含现场核查）”环节已办结');
  await checkPage(reviewer.page, 'workbench-case-reviewed');
  expect(reviewer.problems.list()).toEqual([]);

  // The approver decides: 准予许可.
  const approver = await staffPage(w, 'approver', `cases/${submitted.id}`);
  await approver.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  const decide = await openAct(approver.page, '作出决定', '作出决定');
  await checkPage(approver.page, 'workbench-decision');
  await confirmAct(approver.page, decide, '确认作出决定', '决定已作出');
  expect(await caseStatus(approver.page)).toBe('准予许可、待制证');
  expect(approver.problems.list()).toEqual([]);

  // The clerk issues the licence for window pickup and records its delivery with the applicant's pickup code.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  await confirmAct(
    page,
    await openAct(page, '出具结果（制证）', '出具结果（制证）'),
    '确认出具结果（制证）',
    '证照已出具',
  );
  expect(await caseStatus(page)).toBe('已办结');
  const code = (await acts.get(submitted.id, await applicant.token())).delivery.pickupCode as string;
  const deliver = await openAct(page, /^送\s?达$/, '送达');
  await deliver.getByLabel('取件码（申请人出示的6位数字）').fill('12345');
  await deliver.getByRole('button', { name: '确认送达' }).click();
  expect(await fieldError(deliver, '取件码（申请人出示的6位数字）')).toBe('取件码为6位数字');
  await deliver.getByLabel('取件码（申请人出示的6位数字）').fill(code);
  await confirmAct(page, deliver, '确认送达', '已登记送达');
  expect(await caseStatus(page)).toBe('已送达');
  const licence = page.waitForResponse((r) => r.url().includes(`/cases/${submitted.id}/documents/`));
  await page.getByRole('button', { name: '打开证照' }).click();
  expect((await licence).headers()['content-type']).toBe('application/pdf');
  await page
    .getByRole('dialog', { name: /^证照/ })
    .getByRole('button', { name: /^关\s?闭$/ })
    .first()
    .click();
  await checkPage(page, 'workbench-case-delivered');

  const final = await acts.get(submitted.id, await applicant.token());
  expect(final).toMatchObject({ status: 'delivered', decision: { outcome: 'approved', decidedBy: w.login.approver } });
  expect(final.steps.find((s: { name: string }) => s.name === '审查（含现场核查）')).toMatchObject({
    state: 'done',
    opinion: '经现场核查，符合许可条件',
  });
  expect(clerk.problems.list()).toEqual([]);
}, 480_000);
