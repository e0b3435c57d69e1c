import { readFileSync } from 'node:fs';
import { newCreditCode, newResidentIdNumber, userToken as tokenOf } from '@govhall/testing';
import { caseActs, EXE, PASSWORD, PDF, PNG, YC } from '../../gateway/test/cases-stack';
import { checkPage, startWebWorld, type WebWorld, buttonName } from './web-world';
import {
  chooseFiles,
  fieldError,
  fillFoodForm,
  formItem,
  itemFieldError,
  materialRow,
  uploadFoodMaterials,
  uploadMaterial,
} from './portal-world';
import {
  caseStatus,
  choose,
  closeDialog,
  confirmAct,
  dialog,
  fieldError as dialogFieldError,
  openAct,
  staffPage,
} from './workbench-world';

// One case from registration to the licence, both sides in the browser: the citizen in the portal (one browser
// context) registers, searches, applies with the item's form and materials, answers the one-time notice, follows
// the case, downloads the licence and checks it; the staff in the workbench (a context each, logged in on Keycloak's
// pages) do theirs: the window clerk opens the case from the window's queue, composes the one-time notice, passes
// pre-review and accepts the supplemented case; the reviewer and the approver do their steps; the clerk issues the
// licence and records its delivery with the pickup code the citizen reads in the portal.

let w: WebWorld;
const acts = caseActs(() => w);

beforeAll(async () => {
  // The guide reads the item's curated FAQ and its public questions from the complaints service (咨询).
  w = await startWebWorld({ complaints: {} });
}, 240_000);

afterAll(async () => {
  await w?.stop();
}, 480_000);

const wrongCheck = (code: string) => `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
/** The refusals the flows provoke on purpose: a wrong ID number or credit code, a form the service finds wrong. */
const isRegistrationRefusal = (p: { kind: string; message: string; url?: string }) =>
  p.kind === 'http' &&
  p.message === 'POST 400' &&
  /\/identity\/(natural|legal)-persons$|\/cases\/[0-9a-f-]+\/submit$/.test(p.url ?? '');

it('a citizen applies for 食品经营许可 in the portal and the staff handle the same case in the workbench, up to the licence', async () => {
  const { page, problems } = await w.open({ expected: isRegistrationRefusal });
  const name = '孙网办';
  const idNumber = newResidentIdNumber(YC);

  // Registration: a wrong check character first, refused at the field by the identity service.
  await w.visit(page, 'portal', 'register');
  await page.getByRole('heading', { name: '个人用户注册' }).waitFor();
  await page.getByLabel('所在地区').selectOption({ label: '永昌县' });
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('居民身份证号码').fill(wrongCheck(idNumber));
  await page.getByLabel('手机号码').fill('13909355678');
  await page.getByLabel('登录密码').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await checkPage(page, 'portal-register');
  await page.getByRole('button', { name: '注册', exact: true }).click();
  expect(await fieldError(page, '居民身份证号码')).toMatch(/校验码|校验位/);
  await page.getByLabel('居民身份证号码').fill(idNumber);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.getByRole('heading', { name: '注册成功' }).waitFor();

  // Login with the ID number, then search and open the guide.
  await w.signIn(page, 'portal', idNumber, PASSWORD);
  await w.visit(page, 'portal', `?q=${encodeURIComponent('食品经营许可')}`);
  await page.locator(`a[href="/items/${w.food.id}"]`).first().click();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  await checkPage(page, 'portal-guide');
  await page.getByRole('button', { name: '在线申报' }).click();

  // Who applies, then the draft is opened.
  await page.getByRole('heading', { name: '在线申报：食品经营许可' }).waitFor();
  await page.getByRole('radio', { name: /以个人名义办理/ }).check();
  await checkPage(page, 'portal-apply-start');
  await page.getByRole('button', { name: '开始填写申请' }).click();
  await page.locator('#apply_operator_name').waitFor();
  const caseId = new URL(page.url()).searchParams.get('case')!;
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

  // The form: a phone number that is no phone, and a credit code with a wrong check character.
  const creditCode = newCreditCode(YC);
  await fillFoodForm(page, {
    operatorName: '永昌县网办便利店',
    creditCode: wrongCheck(creditCode),
    representative: { name, idNumber },
    phone: '0935',
  });
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('已保存。').waitFor();
  expect((await acts.get(caseId, await userToken(idNumber))).formData.operator.name).toBe('永昌县网办便利店');

  // Materials: an executable and a file over the limit are refused by the page before anything is sent.
  let uploads = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/materials/')) uploads += 1;
  });
  await chooseFiles(page, 'application-form', [
    { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: EXE },
  ]);
  await materialRow(page, 'application-form').getByRole('alert').waitFor();
  expect(await materialRow(page, 'application-form').getByRole('alert').innerText()).toContain(
    '“setup.exe”是EXE 格式的文件，“食品经营许可申请书”只接受 PDF、OFD 格式的文件',
  );
  await chooseFiles(page, 'legal-rep-id', [
    { name: '身份证.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) },
  ]);
  expect(await materialRow(page, 'legal-rep-id').getByRole('alert').innerText()).toMatch(/超过了.*上限 4 MB/);
  expect(uploads).toBe(0);
  await uploadFoodMaterials(page);
  expect(uploads).toBe(5);
  await checkPage(page, 'portal-apply');

  // The service's check of the form: the phone at its field; the case is not submitted.
  await page.getByRole('button', { name: '提交申请' }).click();
  expect(await itemFieldError(page, 'apply_operator_phone')).toContain('联系电话');
  expect((await acts.get(caseId, await userToken(idNumber))).status).toBe('draft');
  await page.locator('#apply_operator_phone').fill('13909351234');
  // The service's pre-review: the credit code's check character, shown at its field.
  await page.getByRole('button', { name: '提交申请' }).click();
  expect(await itemFieldError(page, 'apply_operator_creditCode')).toMatch(/统一社会信用代码/);
  await page
    .getByText(/自动预审未通过/)
    .first()
    .waitFor();
  expect((await acts.get(caseId, await userToken(idNumber))).status).toBe('returned');
  await page.locator('#apply_operator_creditCode').fill(creditCode);
  await page.getByRole('button', { name: '重新提交' }).click();
  await page.getByText('申请已提交，等待窗口预审').waitFor({ timeout: 30_000 });
  const submitted = await acts.get(caseId, await userToken(idNumber));
  expect(submitted).toMatchObject({ status: 'pre_review', formData: { operator: { creditCode } } });

  // The window clerk, in the workbench (a browser context of its own): the case in the window's queue, masked there.
  const clerk = await staffPage(w, 'clerk', 'queue');
  const desk = clerk.page;
  const row = desk.getByRole('row').filter({ hasText: submitted.caseNumber });
  await row.waitFor();
  const queued = await row.innerText();
  expect(queued).toContain('孙**'); // the name masked in lists
  expect(queued).not.toContain(name);
  expect(queued).toContain('待预审');
  await checkPage(desk, 'workbench-queue');
  await row.getByRole('link', { name: '食品经营许可' }).click();
  await desk.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  const deskMain = desk.locator('main');
  expect(await deskMain.innerText()).toContain(submitted.caseNumber);
  expect(await deskMain.innerText()).toContain(`${name}（自然人）`);
  // The form as the citizen typed it, read-only; a material the citizen uploaded, viewed as an image.
  const operatorName = desk.locator('#case-form_operator_name');
  await operatorName.waitFor();
  expect(await operatorName.inputValue()).toBe('永昌县网办便利店');
  expect(await operatorName.isEditable()).toBe(false);
  const fileAnswer = desk.waitForResponse((r) => r.url().includes(`/cases/${caseId}/files/`));
  await desk.getByRole('button', { name: /^查看 法定代表人身份证\.png/ }).click();
  expect((await fileAnswer).headers()['content-type']).toBe('image/png');
  const viewer = dialog(desk, /法定代表人身份证\.png/);
  // The browser asks for less motion (contextOptions): nothing on the page moves as the dialog shows, neither the
  // dialog zooming in nor the button's click wave (antd's motion is off). Classes are no proof: rc-motion's prepare
  // step leaves `ant-zoom-appear` on a still dialog for a frame.
  await viewer.waitFor();
  // (A string: these tests are compiled without the DOM's types.)
  const moving = await desk.evaluate<string[]>(
    `document.getAnimations().filter((a) => Number(a.effect?.getComputedTiming().duration) > 0)
      .map((a) => a.effect?.target?.className ?? '?')`,
  );
  expect(moving).toEqual([]);
  await viewer.getByRole('img', { name: '法定代表人身份证.png' }).waitFor();
  await closeDialog(viewer);
  await checkPage(desk, 'workbench-case');

  // The one-time notice in the composer: an empty problem is refused at its fields; then two problems in one notice.
  const notice = await openAct(desk, /^一次性告知$/, '出具一次性告知书');
  await notice.getByRole('button', { name: '确认并出具告知书' }).click();
  expect(await dialogFieldError(notice, '需要补正的内容')).toBe('请填写需要补正的内容');
  expect(await dialogFieldError(notice, '材料')).toBe('请选择需要补正的材料');
  const first = notice.getByRole('group', { name: '第 1 项' });
  await choose(desk, first, '材料', '经营布局');
  await first.getByLabel('需要补正的内容').fill('经营布局图未标明食品处理区，请补充完整');
  await notice.getByRole('button', { name: '增加一项' }).click();
  const second = notice.getByRole('group', { name: '第 2 项' });
  await choose(desk, second, '问题所在', '表单内容');
  await choose(desk, second, '表单字段', '经营项目 · 食品安全管理人员姓名');
  await second.getByLabel('需要补正的内容').fill('食品安全管理人员应为本店在职人员，请核实后重新填写');
  await checkPage(desk, 'workbench-one-time-notice');
  await confirmAct(desk, notice, '确认并出具告知书', '已出具一次性告知书');
  expect(await caseStatus(desk)).toBe('待补正（补办件）');
  const listed = await deskMain.getByRole('heading', { name: '一次性告知的补正内容' }).locator('..').innerText();
  expect(listed).toContain(
    '材料“与食品经营相适应的主要设备设施、经营布局、操作流程等文件”：经营布局图未标明食品处理区',
  );
  expect(listed).toContain('表单“经营项目 · 食品安全管理人员姓名”：食品安全管理人员应为本店在职人员');

  // The citizen reads the notice item by item, at the material and the field, and answers it in the browser.
  await page.reload();
  await page.getByText('一次性告知：请按以下 2 项意见补正后重新提交').waitFor();
  const items = await page.locator('.problem-list li').allInnerTexts();
  expect(items).toEqual([
    '申请材料：与食品经营相适应的主要设备设施、经营布局、操作流程等文件：经营布局图未标明食品处理区，请补充完整',
    '申请表：经营项目 › 食品安全管理人员姓名：食品安全管理人员应为本店在职人员，请核实后重新填写',
  ]);
  expect(await itemFieldError(page, 'apply_business_foodSafetyManager')).toContain('本店在职人员');
  expect(await materialRow(page, 'premises-layout').innerText()).toContain('经营布局图未标明食品处理区');
  await checkPage(page, 'portal-case-supplement');
  await materialRow(page, 'premises-layout').getByRole('button', { name: /^删除/ }).click();
  await materialRow(page, 'premises-layout').locator('.material-files').waitFor({ state: 'detached' });
  await uploadMaterial(page, 'premises-layout', '经营布局（补正）.png', PNG);
  await page.locator('#apply_business_foodSafetyManager').fill('王安全');
  await page.getByRole('button', { name: '重新提交' }).click();
  // Resubmitted: the notice and the editor give way to the case as it now stands.
  await page.locator('.problem-list').waitFor({ state: 'detached', timeout: 30_000 });
  expect(await page.locator('main h1 + div').innerText()).toContain('待预审');

  // Back at the window: the supplemented case, pre-review passed and accepted; the acceptance notice is a PDF.
  await desk.reload();
  await desk.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  expect(await caseStatus(desk)).toBe('待预审');
  await desk.getByRole('button', { name: /^查看 经营布局（补正）\.png/ }).waitFor();
  await confirmAct(desk, await openAct(desk, /^预审通过$/, '预审通过'), '确认预审通过', '预审已通过');
  await confirmAct(desk, await openAct(desk, /^受\s?理$/, '受理'), '确认受理', '已受理');
  expect(await caseStatus(desk)).toBe('办理中');
  const acceptance = desk.waitForResponse((r) => r.url().includes(`/cases/${caseId}/documents/`));
  await desk.getByRole('button', { name: '打开受理通知书' }).click();
  expect((await acceptance).headers()['content-type']).toBe('application/pdf');
  // The document the clerk prints: downloaded from the viewer, it is the PDF itself.
  const doc = dialog(desk, /^受理通知书/);
  const printed = desk.waitForEvent('download');
  await doc.getByRole('link', { name: '下载' }).click();
  const saved = await printed;
  expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
  expect(
    readFileSync((await saved.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await closeDialog(doc);
  const accepted = await acts.get(caseId, await userToken(idNumber));
  expect(accepted).toMatchObject({ status: 'processing', caseNumber: submitted.caseNumber, problems: [] });
  expect(accepted.formData.business.foodSafetyManager).toBe('王安全');
  const layout = accepted.materials.find((m: { materialId: string }) => m.materialId === 'premises-layout');
  expect(layout.files.map((f: { fileName: string }) => f.fileName)).toEqual(['经营布局（补正）.png']);

  // The reviewer finds it among the department's review steps: an empty opinion is refused at its field.
  const reviewer = await staffPage(w, 'reviewer', 'queue');
  const reviewRow = reviewer.page.getByRole('row').filter({ hasText: submitted.caseNumber });
  await reviewRow.getByRole('link', { name: '食品经营许可' }).click();
  await reviewer.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  const step = '办结“审查（含现场核查）”环节';
  const review = await openAct(reviewer.page, step, step);
  await review.getByRole('button', { name: `确认${step}` }).click();
  expect(await dialogFieldError(review, '办理意见')).toBe('请填写办理意见');
  await review.getByLabel('办理意见').fill('经现场核查，符合许可条件');
  await confirmAct(reviewer.page, review, `确认${step}`, '“审查（含现场核查）”环节已办结');
  await checkPage(reviewer.page, 'workbench-case-reviewed');
  expect(reviewer.problems.list()).toEqual([]);

  // The approver decides: 准予许可.
  const approver = await staffPage(w, 'approver', `cases/${caseId}`);
  await approver.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  const decide = await openAct(approver.page, '作出决定', '作出决定');
  await checkPage(approver.page, 'workbench-decision');
  await confirmAct(approver.page, decide, '确认作出决定', '决定已作出');
  expect(await caseStatus(approver.page)).toBe('准予许可、待制证');
  expect(approver.problems.list()).toEqual([]);

  // The clerk issues the licence, to be picked up at the window.
  await desk.reload();
  await desk.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  await confirmAct(
    desk,
    await openAct(desk, '出具结果（制证）', '出具结果（制证）'),
    '确认出具结果（制证）',
    '证照已出具',
  );
  expect(await caseStatus(desk)).toBe('已办结');

  // The citizen follows the case: the licence, downloaded, and the pickup code to show at the window.
  await page.reload();
  await page.getByText('办理结果：电子证照').waitFor();
  const caseText = await page.locator('main').innerText();
  expect(caseText).toContain('已办结');
  expect(caseText).toContain('准予许可');
  const pickupCode = /取件码 (\d{6})/.exec(caseText)?.[1];
  expect(pickupCode).toMatch(/^\d{6}$/);
  await checkPage(page, 'portal-case-completed');
  const licenceRow = page
    .locator('.ant-card', { hasText: '办件文书' })
    .locator('.ant-list-item', { hasText: /^\s*证照/ });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    licenceRow.getByRole('button', { name: /下\s?载/ }).click(),
  ]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);

  // At the window the citizen shows the code: a five-digit one is refused at its field, the code from the portal
  // records the delivery; the clerk opens the licence.
  const deliver = await openAct(desk, /^送\s?达$/, '送达');
  const codeLabel = '取件码（申请人出示的6位数字）';
  await deliver.getByLabel(codeLabel).fill(pickupCode!.slice(1));
  await deliver.getByRole('button', { name: '确认送达' }).click();
  expect(await dialogFieldError(deliver, codeLabel)).toBe('取件码为6位数字');
  await deliver.getByLabel(codeLabel).fill(pickupCode!);
  await confirmAct(desk, deliver, '确认送达', '已登记送达');
  expect(await caseStatus(desk)).toBe('已送达');
  const licencePdf = desk.waitForResponse((r) => r.url().includes(`/cases/${caseId}/documents/`));
  await desk.getByRole('button', { name: '打开证照' }).click();
  expect((await licencePdf).headers()['content-type']).toBe('application/pdf');
  await closeDialog(dialog(desk, /^证照/));
  await checkPage(desk, 'workbench-case-delivered');
  expect(clerk.problems.list()).toEqual([]);
  await page.reload();
  await page.getByText('办理结果：电子证照').waitFor();
  expect(await page.locator('main h1 + div').innerText()).toContain('已送达');

  const final = await acts.get(caseId, await userToken(idNumber));
  expect(final).toMatchObject({ status: 'delivered', decision: { outcome: 'approved', decidedBy: w.login.approver } });
  expect(final.steps.find((s: { name: string }) => s.name === '审查（含现场核查）')).toMatchObject({
    state: 'done',
    opinion: '经现场核查，符合许可条件',
  });

  // 我的证照, with the verification code that the public check accepts.
  await w.visit(page, 'portal', 'licences');
  await page.getByText('核验码').first().waitFor();
  const mine = (await w.api('GET', '/licences/mine', { token: await userToken(idNumber) })).body.licences[0];
  expect(await page.locator('main').innerText()).toContain(mine.verificationCode);
  await checkPage(page, 'portal-licences');
  await page.getByRole('link', { name: '证照核验' }).first().click();
  await page.waitForURL((url) => url.pathname === '/verify');
  // The verification page's own result card (我的证照's card of the same licence may still be on screen for a moment).
  await page.getByRole('heading', { name: '电子证照核验' }).waitFor();
  const verified = page.locator('main .ant-card', { hasText: '证件号码' }).filter({ hasText: mine.licenceNumber });
  await verified.waitFor();
  expect(await verified.innerText()).toContain('有效证照');

  // The public progress query, without login, on a phone.
  const phone = await w.open({ viewport: 'phone' });
  await w.visit(phone.page, 'portal', 'progress');
  await phone.page.getByLabel('办件编号').fill(submitted.caseNumber);
  await formItem(phone.page, /证件号码/)
    .locator('input')
    .fill(idNumber);
  await phone.page.getByRole('button', { name: buttonName('查询') }).click();
  await phone.page
    .getByText(/已办结|已送达/)
    .first()
    .waitFor();
  const width = (await phone.page.evaluate(
    // Evaluated in the page (a string: the tests are compiled without the DOM's types).
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as number[];
  expect(width[0]).toBeLessThanOrEqual(width[1]!);
  await checkPage(phone.page, 'portal-progress-phone');
  expect(phone.problems.list()).toEqual([]);

  expect(problems.list()).toEqual([]);
}, 720_000);

const userToken = (username: string) => tokenOf(username, { password: PASSWORD });
