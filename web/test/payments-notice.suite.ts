import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { compact, textOf } from '../../packages/pdf/src/pdf-inspection.test-double';
import { paymentsV1 } from '@govhall/proto';
import { waitFor, type Page, type PageProblem } from '@govhall/testing';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { SWJ } from '../../services/payments/test/payments-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './workbench-world';
import { closePages, freshPayments, web, world } from './payments-web-world';
import { buttonName, checkPage } from './web-world';

// 收缴分离 in the browser against the real stack (identity, catalogue, the cases service, payments, the gateway
// serving the built apps, and the bank stand-in, each its own process): a case of an item with three fee lines is
// approved; 税务局 has assessed its formula line (契税); the 市场监管局 reviewer assesses the two fixed lines on the
// workbench's case page (a bad quantity refused at its field, nothing assessed; then right), which issues the notice;
// the applicant finds it under 我的缴费 with its total and downloads the 缴款通知书 (its capitals checked); the window
// clerk registers the applicant's bank slip, which reads 待银行确认 (never paid); the applicant pays on the bank
// stand-in's own page; the portal then shows 已缴费 and the receipt (票据) downloads.

let bankUrl = '';
let caseId = '';

const code = (suffix: string) => `P${world.cases.suffix}-${suffix}`.toUpperCase();

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

/** The notice of the world's case as the service holds it. */
async function notice(): Promise<paymentsV1.Notice> {
  const token = await world.cases.token(world.staff.clerk.username);
  const res = await world.call<unknown, paymentsV1.GetCaseNoticeResponse>('getCaseNotice', { caseId }, token);
  return res.notice!;
}

/** Clicks `button` and answers the text of the PDF it downloads. */
async function downloadedText(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page
      .getByRole('button', { name: buttonName(button) })
      .first()
      .click(),
  ]);
  const file = await download.path();
  return compact((await textOf(readFileSync(file))).text);
}

/** Reloads the page until `text` shows (a change made elsewhere: the assessment, the bank's confirmation). */
async function reloadUntil(page: Page, text: string, what: string): Promise<void> {
  await waitFor(
    async () => {
      if ((await page.getByText(text, { exact: true }).count()) > 0) return true;
      await page.reload();
      await page.waitForLoadState('networkidle');
      return (await page.getByText(text, { exact: true }).count()) > 0 || undefined;
    },
    { timeoutMs: 45_000, intervalMs: 1_000, what },
  );
}

describe('收缴分离 in the browser: assessed, notified, a slip registered, paid at the bank', () => {
  // Payments on a database of its own, a bank stand-in of its own, the world's fee lines (payments-web-world.ts).
  beforeAll(async () => {
    bankUrl = await freshPayments();
  }, 120_000);
  afterAll(closePages);

  it('the department assesses, the applicant is told the total, a slip waits for the bank, the bank confirms', async () => {
    // An approved case: 成交价格 100,000 元, so 契税 is 1,500.00 元; 税务局 assessed its line already.
    caseId = await world.approvedCase({ shopName: '缴费浏览器测试', price: 100000 });
    await world.call(
      'assessFees',
      { caseId, requestId: randomUUID(), lines: [{ feeCode: code('QS'), quantity: 1, reductions: [] }] },
      await world.cases.token(world.staff.swjReviewer.username),
    );

    // The 市场监管局 reviewer: 核定收费 on the case page, a quantity out of range refused at its field first.
    const staff = await web.open({
      expected: (p) =>
        noSupervision(p) || expectedAnswers([['POST', 400, /^\/api\/v1\/payments\/assessments\/[0-9a-f-]+$/]])(p),
    });
    await web.visit(staff.page, 'workbench', `cases/${caseId}`);
    await web.signIn(staff.page, 'workbench', world.staff.scjgReviewer.username, PASSWORD);
    await staff.page.getByLabel('登记费数量').waitFor({ timeout: 30_000 });
    // Only the department's own lines: 契税 is 税务局's.
    expect(await staff.page.locator(`[data-fee="${code('QS')}"]`).count()).toBe(0);
    await staff.page.getByLabel('登记费数量').fill('20000');
    await staff.page.getByLabel('工本费数量').fill('1');
    await staff.page.getByRole('button', { name: buttonName('核定收费') }).click();
    const form = staff.page.locator('form').filter({ has: staff.page.getByLabel('登记费数量') });
    expect(await fieldError(form, '登记费数量')).toContain('不能大于 10000');
    // Nothing assessed: only 税务局's part is done, the notice still 核定中.
    const refused = await notice();
    expect(refused.parts.filter((p) => p.assessedBy).map((p) => p.department)).toEqual([SWJ]);
    expect(refused.state).toBe(paymentsV1.NoticeState.NOTICE_STATE_ASSESSING);
    await checkPage(staff.page, 'workbench-payment-assess-refused');
    await staff.page.getByLabel('登记费数量').fill('1');
    await staff.page.getByText('本部门合计：90.00元').waitFor();
    await staff.page.getByRole('button', { name: buttonName('核定收费') }).click();
    await staff.page.getByRole('status').filter({ hasText: '已核定收费' }).waitFor({ timeout: 45_000 });
    const issued = await notice();
    expect(issued.state).toBe(paymentsV1.NoticeState.NOTICE_STATE_ISSUED);
    expect(issued.totalFen).toBe(8000 + 1000 + 150_000);
    expect(issued.lines.map((l) => [l.feeCode, l.quantity, l.amountFen]).sort()).toEqual([
      [code('DJF'), 1, 8000],
      [code('GBF'), 1, 1000],
      [code('QS'), 1, 150_000],
    ]);
    await staff.page.getByText('1,590.00元').first().waitFor();
    await checkPage(staff.page, 'workbench-payment-assessed');
    expect(staff.problems.list()).toEqual([]);

    // The applicant: the case page says 待缴费 with the total and leads to 我的缴费; the notice PDF has the capitals.
    const applicant = await web.open();
    await web.visit(applicant.page, 'portal', `my/cases/${caseId}`);
    await web.signIn(applicant.page, 'portal', world.applicant.idNumber, PASSWORD);
    await reloadUntil(applicant.page, '待缴费（暂停计时）', 'the case awaiting payment');
    await applicant.page.getByText('1,590.00元').first().waitFor();
    await checkPage(applicant.page, 'portal-case-awaiting-payment');
    await applicant.page.getByRole('link', { name: '去缴费（我的缴费）' }).click();
    await applicant.page.getByRole('heading', { name: '我的缴费' }).waitFor();
    const card = applicant.page.locator(`[data-notice="${issued.number}"]`);
    await card.waitFor();
    const shown = await card.innerText();
    expect(shown).toContain('待缴费');
    expect(shown).toContain('1,590.00元');
    expect(shown).toContain(issued.paymentCode);
    expect(shown).toContain(issued.deadline);
    expect(shown).toContain('银行');
    expect(await card.getByRole('button', { name: buttonName('下载缴费凭证（票据）') }).count()).toBe(0);
    await checkPage(applicant.page, 'portal-my-payments-due');
    const noticePdf = await downloadedText(applicant.page, '下载缴款通知书');
    expect(noticePdf).toContain('人民币壹仟伍佰玖拾元整');
    expect(noticePdf).toContain(issued.paymentCode);

    // The window clerk registers the slip the applicant shows: 待银行确认, not paid.
    const clerk = await web.open({ expected: noSupervision });
    await web.visit(clerk.page, 'workbench', `cases/${caseId}`);
    await web.signIn(clerk.page, 'workbench', world.staff.clerk.username, PASSWORD);
    await clerk.page.getByText('待缴费（暂停计时）').first().waitFor();
    await clerk.page.getByLabel('缴费回执编号').fill('HZ-2026-000123');
    await clerk.page.getByRole('button', { name: buttonName('登记缴费回执') }).click();
    await clerk.page.getByRole('status').filter({ hasText: '待银行确认' }).waitFor({ timeout: 30_000 });
    expect((await notice()).state).toBe(paymentsV1.NoticeState.NOTICE_STATE_SLIP_REGISTERED);
    expect(await clerk.page.getByText('已缴费', { exact: true }).count()).toBe(0);
    await checkPage(clerk.page, 'workbench-payment-slip-registered');
    expect(clerk.problems.list()).toEqual([]);
    await applicant.page.reload();
    await card.waitFor();
    expect(await card.innerText()).toContain('待银行确认');

    // The applicant pays on the bank stand-in's own page with the payment code.
    const bankPage = await web.open();
    await bankPage.page.goto(`${bankUrl}/`);
    await bankPage.page.getByLabel('缴款码').fill(issued.paymentCode);
    await bankPage.page.getByRole('button', { name: '查询' }).click();
    await bankPage.page.getByText('人民币壹仟伍佰玖拾元整').waitFor();
    await bankPage.page.getByRole('button', { name: '确认缴款' }).click();
    await bankPage.page.getByRole('status').filter({ hasText: '缴款成功' }).waitFor({ timeout: 45_000 });
    expect(bankPage.problems.list()).toEqual([]);

    // The portal: 已缴费 and the receipt.
    await reloadUntil(applicant.page, '已缴费', 'the notice paid');
    const paid = await notice();
    expect(paid.state).toBe(paymentsV1.NoticeState.NOTICE_STATE_PAID);
    expect(await card.innerText()).toContain(paid.payment!.receiptNumber);
    await checkPage(applicant.page, 'portal-my-payments-paid');
    const receipt = await downloadedText(applicant.page, '下载缴费凭证（票据）');
    expect(receipt).toContain(paid.payment!.receiptNumber);
    expect(applicant.problems.list()).toEqual([]);
  });
});
