import { createHash, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jointReviewV1 } from '@govhall/proto';
import { waitFor, type PageProblem } from '@govhall/testing';
import { JointWorld, RSJ, SCJG, ZRZY } from '../../services/joint-review/test/joint-world';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './portal-world';
import { closeDialog, confirmAct, dialog, fieldError as dialogFieldError, openAct } from './workbench-world';
import { browserAt, buttonName, checkPage, type BrowserAt } from './web-world';

// 联审会议 (J10) in a real browser against the real stack (identity, catalogue, cases service, joint-review and the
// gateway serving the built apps, each its own process). The center administrator convenes a meeting about a joint
// case on the workbench's 联审会议 (a well-formed but unknown joint review refused at its agenda field first, nothing
// convened) and records attendance and minutes with the signed minutes attached; the lead department and 人社局 state their positions (the center for
// them, over the API); 自然资源局's approver finds the meeting under 联审会议 and records the department's position
// on the meeting's page; the center records the outcome. The meeting's page then lists the co-departments' tasks it
// answered and opens the minutes' file (the bytes uploaded), and the review's page shows 自然资源局's opinion as given in the meeting (source meeting).

const world = new JointWorld();
let web: BrowserAt;
let gatewayUrl = '';
let centerAdmin = '';
const SUBJECT = `联审会议浏览器测试${String(randomInt(1_000_000)).padStart(6, '0')}`;
const UNKNOWN_REVIEW = '0f8c3a52-6d1e-4b7a-9c2d-5e4f3a2b1c0d';
/** The signed minutes, as scanned. */
const MINUTES_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n% 会议纪要\ntrailer<<>>\n%%EOF\n');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

/** A datetime-local value in Beijing time `days` from now. */
function beijingIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** A call of the gateway's API as `token`, answering its JSON (status checked). */
async function gateway<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${gatewayUrl}/api/v1/joint-review${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const answer = (await res.json()) as T;
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

interface RestMeeting {
  id: string;
  state: string;
  version: number;
  subject: string;
}

beforeAll(async () => {
  await world.start();
  gatewayUrl = await world.startGateway();
  web = await browserAt(new URL(gatewayUrl).origin);
  // A center administrator of this run (the realm's shared yc-admin may be locked by others' failed logins).
  centerAdmin = (await world.cases.createStaff('center_admin', { department: '', displayName: '会议测试管理员' }))
    .username;
}, 400_000);
afterAll(async () => {
  await web?.close();
  await world.stop();
}, 120_000);

it('the center convenes a meeting on a joint case, the departments state their positions, the outcome answers the tasks', async () => {
  const c = await world.acceptedJointCase('联审会议便利店');
  const review = await world.openedReview(c.id);
  const centerToken = await world.cases.token(centerAdmin);
  const meetingsOfTenant = async () =>
    (await gateway<{ meetings: RestMeeting[] }>(centerToken, 'GET', '/meetings?pageSize=100')).meetings;

  // The center convenes: first naming a joint review nobody opened, refused at the agenda item's field.
  const center = await web.open({
    expected: (p) => noSupervision(p) || expectedAnswers([['POST', 400, /^\/api\/v1\/joint-review\/meetings$/]])(p),
  });
  const page = center.page;
  await web.visit(page, 'workbench', 'meetings');
  await web.signIn(page, 'workbench', centerAdmin, PASSWORD);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '联审会议' }).waitFor();
  await page.getByRole('button', { name: buttonName('召开会议') }).click();
  await page.getByLabel('会议名称').fill(SUBJECT);
  await page.getByLabel('会议时间').fill(beijingIn(3));
  await page.getByLabel('会议地点').fill('政务服务中心三楼会议室');
  await page.getByLabel('议题1名称').fill('联审会议便利店设立审议');
  await page.getByLabel('议题1审议的联办件').fill(UNKNOWN_REVIEW);
  await page.getByRole('button', { name: buttonName('确认召开') }).click();
  expect(await fieldError(page, '议题1审议的联办件')).toContain('本地区没有该联办件');
  await checkPage(page, 'workbench-meeting-convene-refused');
  expect((await meetingsOfTenant()).filter((m) => m.subject === SUBJECT)).toEqual([]);
  await page.getByLabel('议题1审议的联办件').fill(review.id);
  await page.getByRole('button', { name: buttonName('确认召开') }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已召集会议“${SUBJECT}”` })
    .waitFor();
  const [convened] = (await meetingsOfTenant()).filter((m) => m.subject === SUBJECT);
  expect(convened).toMatchObject({ state: 'scheduled', kind: 'case_review', convenedBy: centerAdmin });
  const row = page.getByRole('row').filter({ hasText: SUBJECT });
  await row.waitFor();
  expect(await row.innerText()).toContain('待召开');
  expect(await row.innerText()).toContain(c.caseNumber);
  await checkPage(page, 'workbench-meetings');

  // Its page: the lead and both co-departments invited; the center records attendance and minutes.
  await row.getByRole('link', { name: SUBJECT }).click();
  await page.getByRole('heading', { name: '会议详情' }).waitFor();
  const minutes = await openAct(page, buttonName('登记纪要'), '出席情况和会议纪要');
  const attended = minutes.getByRole('checkbox');
  expect(await attended.count()).toBe(3);
  // antd redraws the group after each click: click, then wait until the box shows it checked.
  for (const box of await attended.all()) {
    await box.click();
    await waitFor(async () => (await box.isChecked()) || undefined, { timeoutMs: 5_000, what: 'a box checked' });
  }
  await minutes
    .getByLabel(/参会人员$/)
    .first()
    .fill('张三、李四');
  await minutes.getByLabel('会议纪要', { exact: true }).fill('会议审议了联审会议便利店设立事项，各部门逐一发表意见。');
  await minutes
    .locator('input[type=file]')
    .setInputFiles({ name: '会议纪要（签字）.pdf', mimeType: 'application/pdf', buffer: MINUTES_PDF });
  await minutes.getByRole('list', { name: '已上传的附件' }).getByText('会议纪要（签字）.pdf').waitFor();
  await confirmAct(page, minutes, buttonName('确认登记纪要'), '已登记出席情况和会议纪要。');
  await page.locator('.ant-tag').filter({ hasText: '已召开' }).waitFor();
  // Until the meeting answers the review, the minutes' file is listed by name.
  await page.getByRole('region', { name: '会议纪要' }).getByText('附件 会议纪要（签字）.pdf').waitFor();
  expect(center.problems.list()).toEqual([]);

  // The lead department and 人社局 state their positions; the center records them for them (over the API).
  for (const [department, text] of [
    [SCJG, '牵头部门同意设立。'],
    [RSJ, '人社方面无异议，同意。'],
  ] as const) {
    const { meeting } = await gateway<{ meeting: RestMeeting }>(centerToken, 'GET', `/meetings/${convened!.id}`);
    await gateway(centerToken, 'POST', `/meetings/${convened!.id}/positions`, {
      expectedVersion: meeting.version,
      agendaItemId: '1',
      department,
      kind: 'agree',
      text,
    });
  }

  // 自然资源局's approver finds the meeting under 联审会议 and records the department's position.
  const dept = await web.open({ expected: noSupervision });
  await web.visit(dept.page, 'workbench', 'meetings');
  await web.signIn(dept.page, 'workbench', world.login.approverB, PASSWORD);
  const deptRow = dept.page.getByRole('row').filter({ hasText: SUBJECT });
  await deptRow.waitFor();
  expect(await deptRow.innerText()).toContain('已召开');
  await deptRow.getByRole('link', { name: SUBJECT }).click();
  await dept.page.getByRole('heading', { name: '会议详情' }).waitFor();
  // A department states its position only: no minutes, outcome, rescheduling or cancelling.
  await dept.page.getByRole('button', { name: buttonName('登记意见') }).waitFor();
  for (const act of ['登记结论', '更正纪要', '改期', '取消会议']) {
    expect(await dept.page.getByRole('button', { name: buttonName(act) }).count()).toBe(0);
  }
  const position = await openAct(dept.page, buttonName('登记意见'), '登记部门意见');
  await position.getByLabel('附条件同意').check();
  await position.getByLabel('意见内容').fill('用地符合规划，同意设立。');
  await position.getByLabel('条件（每行一条）').fill('开业前完成用地手续变更');
  await confirmAct(dept.page, position, buttonName('确认登记意见'), '已登记部门意见。');
  const zrzyPosition = dept.page.getByRole('row').filter({ hasText: '开业前完成用地手续变更' });
  await zrzyPosition.waitFor();
  expect(await zrzyPosition.innerText()).toContain('附条件同意');
  await checkPage(dept.page, 'workbench-meeting-position');
  expect(dept.problems.list()).toEqual([]);

  // The center records the outcome: the meeting concludes and answers the co-departments' tasks.
  await page.reload();
  await page.getByRole('row').filter({ hasText: '开业前完成用地手续变更' }).waitFor();
  const outcome = await openAct(page, buttonName('登记结论'), '登记会议结论');
  await outcome.getByLabel('附条件同意').check();
  await outcome.getByLabel('议题1纪要结论').fill('会议同意设立，附条件。');
  await outcome.getByLabel('议题1议定的条件（每行一条）').fill('开业前完成用地手续变更');
  await confirmAct(page, outcome, buttonName('确认登记结论'), '已登记会议结论。');
  await page.locator('.ant-tag').filter({ hasText: '已形成结论' }).waitFor();
  await page.getByText('会议结论：附条件同意').waitFor();
  const answeredPanel = page.getByRole('region', { name: '本次会议答复的联审任务' });
  const answeredRows = answeredPanel.getByRole('row').filter({ hasText: '（来源：联审会议）' });
  await answeredRows.first().waitFor();
  expect(await answeredRows.count()).toBe(2);
  expect(await answeredPanel.innerText()).toContain(c.caseNumber);
  await checkPage(page, 'workbench-meeting-concluded');
  // The minutes' file, opened through the review the meeting answered: the bytes uploaded.
  await page
    .getByRole('region', { name: '会议纪要' })
    .getByRole('button', { name: /^附件 会议纪要（签字）\.pdf/ })
    .click();
  const scan = dialog(page, /会议纪要（签字）\.pdf$/);
  const downloading = page.waitForEvent('download');
  await scan.getByRole('link', { name: '下载' }).click();
  const saved = await downloading;
  expect(saved.suggestedFilename()).toBe('会议纪要（签字）.pdf');
  expect(sha256(readFileSync((await saved.path())!))).toBe(sha256(MINUTES_PDF));
  await closeDialog(scan);

  const after = await world.reviewOfCase(c.id);
  expect(after.meetingIds).toContain(convened!.id);
  for (const department of [RSJ, ZRZY]) {
    expect(after.tasks.find((t) => t.department === department)).toMatchObject({
      state: jointReviewV1.TaskState.TASK_STATE_DONE,
      opinion: { source: jointReviewV1.WorkSource.WORK_SOURCE_MEETING, meetingId: convened!.id },
    });
  }
  expect(after.tasks.find((t) => t.department === ZRZY)?.opinion).toMatchObject({
    kind: jointReviewV1.OpinionKind.OPINION_KIND_AGREE_WITH_CONDITIONS,
    conditions: ['开业前完成用地手续变更'],
    givenBy: world.login.approverB,
  });

  // The review's page: 自然资源局's task answered by the meeting, which is listed on the review.
  await answeredRows.first().getByRole('link', { name: c.caseNumber }).click();
  await page.getByRole('heading', { name: '联审办理' }).waitFor();
  const zrzyRow = page.getByRole('row').filter({ hasText: '用地符合规划，同意设立。' });
  await zrzyRow.waitFor();
  expect(await zrzyRow.innerText()).toContain('已出具意见');
  expect(await zrzyRow.innerText()).toContain('联审会议意见');
  await page.getByRole('link', { name: '第1次会议' }).waitFor();
  await checkPage(page, 'workbench-joint-review-meeting');
  expect(center.problems.list()).toEqual([]);
});

it('the center convenes from 联审办理, moves the meeting and cancels it with its reason; the list filters by state', async () => {
  const c = await world.acceptedJointCase('联审改期便利店');
  const review = await world.openedReview(c.id);
  const subject = `${SUBJECT}改期`;
  const centerToken = await world.cases.token(centerAdmin);

  // 联审办理 leads the center to 召开会议 with the review on the agenda.
  const center = await web.open({ expected: noSupervision });
  const page = center.page;
  await web.visit(page, 'workbench', `joint/${review.id}`);
  await web.signIn(page, 'workbench', centerAdmin, PASSWORD);
  await page.getByRole('link', { name: '召集联审会议审议此件' }).click();
  await page.getByRole('heading', { name: '联审会议' }).waitFor();
  expect(await page.getByLabel('议题1审议的联办件').inputValue()).toBe(review.id);
  await page.getByLabel('会议名称').fill(subject);
  await page.getByLabel('会议时间').fill(beijingIn(2));
  await page.getByLabel('议题1名称').fill('联审改期便利店设立审议');
  await page.getByRole('button', { name: buttonName('确认召开') }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `已召集会议“${subject}”` })
    .waitFor();
  await page.getByRole('link', { name: '查看会议' }).click();
  await page.getByRole('heading', { name: '会议详情' }).waitFor();

  // 改期 with its reason, shown on the page.
  const moved = beijingIn(5);
  const reschedule = await openAct(page, buttonName('改期'), '会议改期');
  await reschedule.getByLabel('新的会议时间').fill(moved);
  await reschedule.getByLabel('会议地点').fill('政务服务中心五楼会议室');
  await reschedule.getByLabel('改期原因').fill('牵头部门负责人外出，会议顺延。');
  await confirmAct(page, reschedule, buttonName('确认改期'), '已改期。');
  await page.getByText('牵头部门负责人外出，会议顺延。').waitFor();
  expect(await page.locator('.ant-descriptions').innerText()).toContain(moved.replace('T', ' '));

  // 取消会议: the reason is asked for first, then the meeting is called off and nothing more is offered.
  const cancel = await openAct(page, buttonName('取消会议'), '取消会议');
  await cancel.getByRole('button', { name: buttonName('确认取消会议') }).click();
  expect(await dialogFieldError(cancel, '取消原因')).toBe('请填写取消原因');
  await cancel.getByLabel('取消原因').fill('该件申请人已撤回申请。');
  await confirmAct(page, cancel, buttonName('确认取消会议'), '已取消会议。');
  await page.locator('.ant-descriptions .ant-tag').filter({ hasText: '已取消' }).waitFor();
  expect(await page.locator('.ant-descriptions').innerText()).toContain('该件申请人已撤回申请。');
  for (const act of ['登记纪要', '改期', '取消会议']) {
    expect(await page.getByRole('button', { name: buttonName(act) }).count()).toBe(0);
  }
  const { meetings } = await gateway<{ meetings: (RestMeeting & { note?: string; location: string })[] }>(
    centerToken,
    'GET',
    `/meetings?reviewId=${review.id}`,
  );
  expect(meetings).toHaveLength(1);
  const [meeting] = meetings;
  expect(meeting).toMatchObject({
    state: 'cancelled',
    note: '该件申请人已撤回申请。',
    location: '政务服务中心五楼会议室',
  });

  // The list by state: a wrong state in the address said at its field, then 已取消 lists it, 待召开 does not.
  await web.visit(page, 'workbench', 'meetings?state=later');
  expect(await fieldError(page, '会议状态')).toBe('链接中的会议状态“later”不存在，已显示全部状态');
  await page.getByRole('row').filter({ hasText: subject }).waitFor();
  await page.getByLabel('会议状态').selectOption({ label: '已取消' });
  await page.waitForURL((u) => u.search === '?state=cancelled');
  await page.getByRole('row').filter({ hasText: subject }).waitFor();
  await checkPage(page, 'workbench-meetings-cancelled');
  await page.getByLabel('会议状态').selectOption({ label: '待召开' });
  await page.waitForURL((u) => u.search === '?state=scheduled');
  // This run's meetings are the concluded one and the cancelled one: none is still to be held.
  await page.getByText('暂无待召开的会议').waitFor();
  expect(await page.getByRole('row').filter({ hasText: subject }).count()).toBe(0);
  expect(center.problems.list()).toEqual([]);
});
