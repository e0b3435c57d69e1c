import { caseActs, soleTraderForm, type Applicant } from '../../gateway/test/cases-stack';
import { checkPage, type WebWorld, buttonName } from './web-world';
import { caseStatus, choose, chooseIn, confirmAct, fieldError, openAct, staffPage } from './workbench-world';

// The counter and the refusals in the workbench, in the browser: a walk-in applicant's immediate item registered, its
// paper scanned in and decided on one screen (a wrong ID number shown at its field first); a refusal to accept with its reasons; an
// extension requested by the reviewer and approved by the department head.

export function walkInTests(world: () => WebWorld): void {
  let w: WebWorld;
  const acts = caseActs(() => w);
  let applicant: Applicant;

  beforeAll(async () => {
    w = world();
    applicant = await w.newApplicant('周窗口');
  }, 240_000);

  afterAll(async () => {}, 480_000);

  const ID_FIELD = '申请人身份证号码或统一社会信用代码';
  /** A scanned page as the counter's scanner writes it. */
  const SCAN = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20)]);

  it('a walk-in 个体工商户设立登记 is registered and decided at the counter in one screen', async () => {
    const { page, problems } = await staffPage(w, 'clerk', 'walk-in');
    await page.getByRole('heading', { level: 1, name: '窗口登记' }).waitFor();
    const main = page.locator('main');
    await choose(page, main, '办理事项', '个体工商户设立登记');
    await page.locator('#walk-in-form_operator_name').waitFor();
    await checkPage(page, 'workbench-walk-in');

    // A number one digit short: said at the field before anything is sent.
    await main.getByLabel(ID_FIELD).fill('62032119900101123');
    const form = soleTraderForm(applicant);
    await page.locator('#walk-in-form_operator_name').fill(form.operator.name);
    await page.locator('#walk-in-form_operator_idNumber').fill(form.operator.idNumber);
    await page.locator('#walk-in-form_operator_phone').fill(form.operator.phone);
    await page.locator('#walk-in-form_business_name').fill(form.business.name);
    await chooseIn(page, page.locator('#walk-in-form_business_organizationForm'), form.business.organizationForm);
    await page.locator('#walk-in-form_business_scope').fill(form.business.scope);
    await page.locator('#walk-in-form_business_premises').fill(form.business.premises);
    await page.locator('#walk-in-form_business_capital').fill(String(form.business.capital));
    await page.locator('#walk-in-form_business_employees').fill(String(form.business.employees));
    const register = main.getByRole('button', { name: '登记办件' });
    await register.click();
    expect(await fieldError(main, ID_FIELD)).toBe('请填写18位居民身份证号码或统一社会信用代码');

    await checkPage(page, 'workbench-walk-in-error');

    // The applicant's own number: registered, then decided on the spot on the same screen.
    await main.getByLabel(ID_FIELD).fill(applicant.idNumber);
    await register.click();
    await page.getByRole('status').filter({ hasText: '已登记，办件编号' }).waitFor({ timeout: 45_000 });
    expect(await main.innerText()).toContain('申请人：周窗口');

    // The paper handed in is scanned into the case (ADR 0034): a text file is refused at its material before it is
    // sent, a PDF is stored and named on the material.
    const scanRow = main
      .locator('li')
      .filter({ has: page.getByRole('button', { name: /^扫描上传：/ }) })
      .first();
    const material = ((await scanRow.getByRole('button').first().getAttribute('aria-label')) ?? '').replace(
      '扫描上传：',
      '',
    );
    await scanRow
      .locator('input[type=file]')
      .setInputFiles({ name: '材料.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
    expect(await scanRow.getByRole('alert').innerText()).toContain(`“材料.txt”是TXT 格式的文件，“${material}”只接受`);
    await scanRow
      .locator('input[type=file]')
      .setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: SCAN });
    await page
      .getByRole('status')
      .filter({ hasText: `已扫描上传“${material}”` })
      .waitFor();
    expect(await scanRow.innerText()).toContain('已扫描 扫描件.pdf');
    await checkPage(page, 'workbench-walk-in-scanned');

    const spot = await openAct(page, '当场办结', '当场办结');
    await chooseIn(page, spot.getByLabel('送达方式（不填按事项的默认方式）'), '电子送达');
    await confirmAct(page, spot, '确认当场办结', '已当场办结');
    expect(await caseStatus(page)).toBe('已办结');
    const licence = page.waitForResponse((r) => r.url().includes('/documents/'));
    await page.getByRole('button', { name: '打开证照' }).click();
    expect((await licence).headers()['content-type']).toBe('application/pdf');
    await page
      .getByRole('dialog', { name: /^证照/ })
      .getByRole('button', { name: buttonName('关闭') })
      .first()
      .click();
    await checkPage(page, 'workbench-walk-in-decided');

    const mine = await w.api('GET', '/cases/mine?list=completed', { token: await applicant.token() });
    const decided = (mine.body.cases as { id: string; itemName: string; status: string }[]).find(
      (c) => c.itemName === '个体工商户设立登记',
    );
    expect(decided?.status).toBe('completed');
    const full = await acts.get(decided!.id, await applicant.token());
    expect(full).toMatchObject({
      channel: 'counter',
      decidedOnTheSpot: true,
      decision: { outcome: 'approved' },
      formData: { business: { name: form.business.name, employees: form.business.employees } },
    });
    expect(full.materials.find((m: { name: string }) => m.name === material).files).toEqual([
      expect.objectContaining({ fileName: '扫描件.pdf', contentType: 'application/pdf' }),
    ]);
    expect(problems.list()).toEqual([]);
  }, 480_000);

  it('the clerk refuses to accept with reasons; the reviewer asks for an extension that the department head approves', async () => {
    const refused = await acts.submitted(applicant);
    const clerk = await staffPage(w, 'clerk', `cases/${refused.id}`);
    const page = clerk.page;
    await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
    const refuse = await openAct(page, '不予受理', '不予受理');
    await refuse.getByRole('button', { name: '确认不予受理' }).click();
    expect(await fieldError(refuse, '不予受理的理由（每行一条）')).toBe('请写明不予受理的理由');
    await refuse.getByLabel('不予受理的理由（每行一条）').fill('申请事项依法不属于本行政机关职权范围');
    await confirmAct(page, refuse, '确认不予受理', '已决定不予受理');
    expect(await caseStatus(page)).toBe('不予受理');
    await page.getByRole('button', { name: '打开不予受理通知书' }).waitFor();
    expect((await acts.get(refused.id, await applicant.token())).status).toBe('not_accepted');

    // The notice opens in the page: pdf.js draws it (the CSP frames no PDF), with its text in ink on the canvas.
    await page.getByRole('button', { name: '打开不予受理通知书' }).click();
    const viewer = page.getByRole('dialog', { name: /^不予受理通知书/ });
    const firstPage = viewer.getByRole('img', { name: /第1页，共\d+页$/ });
    await firstPage.waitFor();
    const inked = await firstPage.evaluate((canvas) => {
      const c = canvas as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128 && pixels[i + 3]! > 0) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(1000);
    await checkPage(page, 'workbench-pdf-viewer');
    await viewer.getByRole('button', { name: buttonName('关闭') }).click();
    await viewer.waitFor({ state: 'hidden' });
    expect(clerk.problems.list()).toEqual([]);

    const accepted = await acts.accepted(applicant);
    const reviewer = await staffPage(w, 'reviewer', `cases/${accepted.id}`);
    await reviewer.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
    const extension = await openAct(reviewer.page, '申请延期', '申请延期');
    await extension.getByLabel('延期理由').fill('需补充现场核查');
    await extension.getByRole('button', { name: '确认申请延期' }).click();
    expect(await fieldError(extension, '延长工作日')).toBe('请填写延长的工作日数');
    await extension.getByLabel('延长工作日').fill('3');
    await confirmAct(reviewer.page, extension, '确认申请延期', '延期申请已提交');
    expect(await reviewer.page.locator('main').innerText()).toContain(
      '延期 3 个工作日：需补充现场核查（待部门负责人审批）',
    );
    expect(reviewer.problems.list()).toEqual([]);

    const head = await staffPage(w, 'head', `cases/${accepted.id}`);
    await head.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
    const review = await openAct(head.page, '审批延期', '审批延期');
    await review.getByLabel('说明（选填）').fill('同意');
    await checkPage(head.page, 'workbench-extension-review');
    await confirmAct(head.page, review, '提交审批意见', '延期审批意见已提交');
    expect((await acts.get(accepted.id, await applicant.token())).extension.state).toBe('head_approved');
    expect(head.problems.list()).toEqual([]);
  }, 480_000);
}
