import { readFileSync } from 'node:fs';
import { newCreditCode, newResidentIdNumber, userToken as tokenOf } from '@govhall/testing';
import { caseActs, EXE, PASSWORD, PDF, PNG, YC } from '../../gateway/test/cases-stack';
import { checkPage, startWebWorld, type WebWorld } from './web-world';
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

// The online service hall as a citizen and an enterprise agent use it: registration, search, the guide, applying
// with the item's form and materials, the one-time notice answered in the browser, progress, the result and the
// licence. The window's side (notice, acceptance, review, decision) is done through the API as the workbench would.

let w: WebWorld;
const acts = caseActs(() => w);

beforeAll(async () => {
  w = await startWebWorld();
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

const wrongCheck = (code: string) => `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
/** The refusals the flows provoke on purpose: a wrong ID number or credit code, a form the service finds wrong. */
const isRegistrationRefusal = (p: { kind: string; message: string; url?: string }) =>
  p.kind === 'http' &&
  p.message === 'POST 400' &&
  /\/identity\/(natural|legal)-persons$|\/cases\/[0-9a-f-]+\/submit$/.test(p.url ?? '');

it('a citizen registers, applies for 食品经营许可 with materials, answers the one-time notice, and downloads the licence', async () => {
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

  // The window's one-time notice (the workbench's act), read item by item and answered in the browser.
  await acts.act(caseId, 'one-time-notice', await w.token('clerk'), {
    problems: [
      { materialId: 'premises-layout', message: '经营布局图未标明食品处理区，请补充完整' },
      { field: 'business.foodSafetyManager', message: '食品安全管理人员应为本店在职人员，请核实后重新填写' },
    ],
  });
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
  const resubmitted = await acts.get(caseId, await userToken(idNumber));
  expect(resubmitted).toMatchObject({ status: 'pre_review', caseNumber: submitted.caseNumber, problems: [] });
  expect(resubmitted.formData.business.foodSafetyManager).toBe('王安全');
  const layout = resubmitted.materials.find((m: { materialId: string }) => m.materialId === 'premises-layout');
  expect(layout.files.map((f: { fileName: string }) => f.fileName)).toEqual(['经营布局（补正）.png']);

  // Accepted, reviewed, approved and the licence issued by the staff.
  const clerk = await w.token('clerk');
  await acts.act(caseId, 'accept', clerk, { opinion: '补正材料齐全，予以受理' });
  await acts.act(caseId, 'steps/complete', await w.token('reviewer'), { opinion: '经现场核查，符合许可条件' });
  await acts.act(caseId, 'decision', await w.token('approver'), { outcome: 'approved' });
  await acts.act(caseId, 'result', clerk, { validUntil: '2031-12-02', deliveryMethod: 'electronic' });

  // The applicant follows the case and downloads the licence.
  await page.reload();
  await page.getByText('办理结果：电子证照').waitFor();
  expect(await page.locator('main').innerText()).toMatch(/已办结|已送达/);
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
  await phone.page.getByRole('button', { name: /^查\s?询$/ }).click();
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
}, 400_000);

const userToken = (username: string) => tokenOf(username, { password: PASSWORD });
