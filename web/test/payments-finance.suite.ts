import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { formatYuan } from '../../packages/money/src/fen';
import { chinaDate } from '../../packages/identifiers/src/china-date';
import { paymentsV1, type identityV1 } from '@govhall/proto';
import { waitFor, type Page, type PageProblem } from '@govhall/testing';
import { PASSWORD } from '../../services/applications/test/cases-world';
import { SCJG, SWJ, TENANT } from '../../services/payments/test/payments-world';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './workbench-world';
import { closePages, freshPayments, web, world } from './payments-web-world';
import { buttonName, checkPage } from './web-world';

// The finance side of 收缴分离 in the browser against the real stack (identity, catalogue, the cases service,
// payments, the gateway serving the built apps and the bank stand-in, each its own process): a notice paid at the
// bank stand-in; the window clerk asks for a refund on the workbench's case page (more than was paid refused at the
// amount, nothing changed); a finance reconciler approves it on 退款管理 and cannot approve the refund they asked for
// themselves (SAME_PERSON); the bank pays it back and the page shows 已退款; 收费统计 shows the period's departments
// with the refund, its CSV downloads, and a period ending before it starts is refused at 结束日期. On 对账 the finance
// reconciler imports the day's statement (the stand-in's own, plus a fee taken outside the center): a bad file changes
// nothing, the same file twice changes nothing, the mismatch is listed and resolved with a note.

let bankUrl = '';
let finance1: identityV1.Staff;
let finance2: identityV1.Staff;
let paid: paymentsV1.Notice;

/** The world's item names its fee lines by these codes. */
const code = (suffix: string) => `P${world.cases.suffix}-${suffix}`.toUpperCase();
const R = paymentsV1.RefundState;

/** This world runs no supervision: the staff apps' inbox badge (GET /supervision/messages/mine) is answered 503. */
const noSupervision = (p: PageProblem) => `${p.url ?? ''} ${p.message}`.includes('/api/v1/supervision/');

/** The paid notice as the service holds it now. */
async function read(): Promise<paymentsV1.Notice> {
  const token = await world.cases.token(finance2.username);
  return (await world.call<unknown, paymentsV1.GetNoticeResponse>('getNotice', { id: paid.id }, token)).notice!;
}

/** The row of refund `id` on 退款管理. */
const refundRow = (page: Page, id: string) => page.locator('tr').filter({ has: page.locator(`[data-refund="${id}"]`) });

/** Answers the text of the file that clicking `button` downloads. */
async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: buttonName(button) }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

describe('收缴分离 in the browser: a refund, the collection report and 对账', () => {
  beforeAll(async () => {
    // Payments on a database of its own, a bank stand-in of its own, the world's fee lines (payments-web-world.ts):
    // the report and the statement below hold this suite's notice alone.
    [bankUrl, finance1, finance2] = await Promise.all([
      freshPayments(),
      world.cases.createStaff('finance_reconciler', { department: '' }),
      world.cases.createStaff('finance_reconciler', { department: '' }),
    ]);

    // A notice of 80.00 + 10.00 + 150.00 元 (成交价格 10,000 元), assessed by both departments and paid at the bank stand-in.
    const caseId = await world.approvedCase({ shopName: '退款浏览器测试', price: 10000 });
    await world.call(
      'assessFees',
      {
        caseId,
        requestId: randomUUID(),
        lines: [
          { feeCode: code('DJF'), quantity: 1, reductions: [] },
          { feeCode: code('GBF'), quantity: 1, reductions: [] },
        ],
      },
      await world.cases.token(world.staff.scjgReviewer.username),
    );
    const issued = (
      await world.call<unknown, paymentsV1.AssessFeesResponse>(
        'assessFees',
        { caseId, requestId: randomUUID(), lines: [{ feeCode: code('QS'), quantity: 1, reductions: [] }] },
        await world.cases.token(world.staff.swjReviewer.username),
      )
    ).notice!;
    expect(issued).toMatchObject({ state: paymentsV1.NoticeState.NOTICE_STATE_ISSUED, totalFen: 8000 + 1000 + 15_000 });
    const pay = await fetch(`${bankUrl}/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        paymentCode: issued.paymentCode,
        amountFen: String(issued.totalFen),
        noticeNumber: issued.number,
      }).toString(),
    });
    expect(pay.status).toBe(200);
    paid = issued;
    paid = await read();
    expect(paid.state).toBe(paymentsV1.NoticeState.NOTICE_STATE_PAID);
  }, 180_000);
  afterAll(closePages);

  it('the clerk asks for a refund, another finance person approves it, the bank pays it back, the report counts it', async () => {
    // The window clerk: 申请退款 on the case page; more than was paid is refused at the amount, nothing changes.
    const clerk = await web.open({
      expected: (p) =>
        noSupervision(p) || expectedAnswers([['POST', 400, /^\/api\/v1\/payments\/notices\/[0-9a-f-]+\/refunds$/]])(p),
    });
    await web.visit(clerk.page, 'workbench', `cases/${paid.caseId}`);
    await web.signIn(clerk.page, 'workbench', world.staff.clerk.username, PASSWORD);
    const form = clerk.page.getByRole('form', { name: '申请退款' });
    await form.waitFor({ timeout: 30_000 });
    await form.getByLabel('退款金额（元）').fill('240.01');
    await form.getByLabel('退款理由').fill('重复缴纳登记费');
    await form.getByRole('button', { name: buttonName('申请退款') }).click();
    expect(await fieldError(form, '退款金额（元）')).toContain('不能超过可退金额 240.00元');
    expect(await read()).toMatchObject({ version: paid.version, refunds: [] });
    await checkPage(clerk.page, 'workbench-refund-too-large');
    await form.getByLabel('退款金额（元）').fill('80');
    await form.getByRole('button', { name: buttonName('申请退款') }).click();
    await clerk.page.getByRole('status').filter({ hasText: '已申请退款，待财务审核' }).waitFor({ timeout: 30_000 });
    const asked = (await read()).refunds;
    expect(asked).toEqual([
      expect.objectContaining({ amountFen: 8000, reason: '重复缴纳登记费', state: R.REFUND_STATE_REQUESTED }),
    ]);
    const clerkRefund = asked[0]!.id;
    await clerk.page.getByText('待审核', { exact: true }).first().waitFor();
    await checkPage(clerk.page, 'workbench-refund-requested');
    expect(clerk.problems.list()).toEqual([]);

    // A finance reconciler's own request (through the API): they may not decide it.
    const f1 = await world.cases.token(finance1.username);
    const own = await world.call<unknown, paymentsV1.RequestRefundResponse>(
      'requestRefund',
      {
        noticeId: paid.id,
        expectedVersion: (await read()).version,
        requestId: randomUUID(),
        amountFen: 100,
        reason: '多收',
      },
      f1,
    );

    // The finance reconciler on 退款管理: approves the clerk's refund; their own is refused as the service says.
    const finance = await web.open({
      expected: (p) =>
        noSupervision(p) ||
        expectedAnswers([['POST', 403, /^\/api\/v1\/payments\/notices\/[0-9a-f-]+\/refunds\/[0-9a-f-]+\/approval$/]])(
          p,
        ),
    });
    await web.visit(finance.page, 'workbench', 'refunds');
    await web.signIn(finance.page, 'workbench', finance1.username, PASSWORD);
    const row = refundRow(finance.page, clerkRefund);
    await row.waitFor({ timeout: 30_000 });
    const shown = await row.innerText();
    expect(shown).toContain(paid.number);
    expect(shown).toContain('80.00元');
    expect(shown).toContain('重复缴纳登记费');
    expect(shown).toContain('待审核');
    expect(shown).not.toContain(world.applicant.name);
    await checkPage(finance.page, 'workbench-refunds-requested');
    await row.getByRole('button', { name: buttonName('批准') }).click();
    await finance.page
      .locator('.ant-popconfirm:not(.ant-popover-hidden)')
      .getByRole('button', { name: buttonName('批准') })
      .click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    const ownRow = refundRow(finance.page, own.refundId);
    await ownRow.getByRole('button', { name: buttonName('批准') }).click();
    await finance.page
      .locator('.ant-popconfirm:not(.ant-popover-hidden)')
      .getByRole('button', { name: buttonName('批准') })
      .click();
    await ownRow.getByRole('alert').filter({ hasText: '退款申请人不能审核自己的申请' }).waitFor({ timeout: 30_000 });
    expect((await read()).refunds.find((r) => r.id === own.refundId)!.state).toBe(R.REFUND_STATE_REQUESTED);
    await checkPage(finance.page, 'workbench-refunds-same-person');

    // The bank pays the approved refund back; once it confirms, the list of refunds paid back shows it 已退款.
    await web.visit(finance.page, 'workbench', 'refunds?state=refunded');
    await waitFor(
      async () => {
        if ((await row.count()) > 0) return true;
        await finance.page.reload();
        await finance.page.waitForLoadState('networkidle');
        return (await row.count()) > 0 || undefined;
      },
      { timeoutMs: 45_000, intervalMs: 1_000, what: 'the refund paid back' },
    );
    const refunded = (await read()).refunds.find((r) => r.id === clerkRefund)!;
    expect(refunded).toMatchObject({ state: R.REFUND_STATE_REFUNDED, decidedBy: expect.any(String) });
    expect(await row.innerText()).toContain('已退款');
    expect(await row.innerText()).toContain(refunded.bankRefundTxnId);
    await checkPage(finance.page, 'workbench-refunds-refunded');

    // 收费统计: this month by department shows both departments and the refund, as the service reports them.
    await finance.page.getByRole('link', { name: '收费统计' }).click();
    await finance.page.getByRole('button', { name: buttonName('统计') }).click();
    const totals = finance.page.locator('[data-report-totals]');
    await totals.waitFor({ timeout: 30_000 });
    const from = await finance.page.getByLabel('开始日期').inputValue();
    const to = await finance.page.getByLabel('结束日期').inputValue();
    const report = await world.call<unknown, paymentsV1.GetCollectionReportResponse>(
      'getCollectionReport',
      { tenant: TENANT, from, to, groupBy: paymentsV1.GetCollectionReportRequest_GroupBy.GROUP_BY_DEPARTMENT },
      f1,
    );
    // The world's own store: its one paid notice, its one refund paid back.
    expect(report).toMatchObject({ totalFen: 24_000, noticeCount: 1, refundedFen: 8000, refundCount: 1 });
    expect(report.rows.map((r) => [r.department, r.amountFen]).sort()).toEqual([
      [SCJG, 9000],
      [SWJ, 15_000],
    ]);
    expect(await totals.innerText()).toContain(`期间内退款：${formatYuan(report.refundedFen)}`);
    expect(await totals.innerText()).toContain(`合计：${formatYuan(report.totalFen)}`);
    // The departments by name (read from identity after the report).
    const table = finance.page.locator('.ant-table');
    await table.getByText('永昌县市场监督管理局', { exact: true }).waitFor();
    await table.getByText('国家税务总局永昌县税务局', { exact: true }).waitFor();
    expect(await table.innerText()).not.toContain(SCJG);
    await checkPage(finance.page, 'workbench-collections');
    const csv = await downloaded(finance.page, '导出 CSV');
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('执收部门,收费类别,缴款笔数,收费项目条数,金额（元）');
    expect(finance.problems.list()).toEqual([]);

    // A period ending before it starts is refused at 结束日期.
    const bad = await web.open({
      expected: (p) =>
        noSupervision(p) || expectedAnswers([['GET', 400, /^\/api\/v1\/payments\/reports\/collections$/]])(p),
    });
    await web.visit(bad.page, 'workbench', 'collections');
    await web.signIn(bad.page, 'workbench', finance2.username, PASSWORD);
    const query = bad.page.getByRole('form', { name: '统计条件' });
    await query.waitFor({ timeout: 30_000 });
    await query.getByLabel('开始日期').fill(to);
    await query.getByLabel('结束日期').fill('2020-01-01');
    await query.getByRole('button', { name: buttonName('统计') }).click();
    expect(await fieldError(query, '结束日期')).toMatch(/[\u4e00-\u9fff]/);
    expect(await bad.page.locator('[data-report-totals]').count()).toBe(0);
    await checkPage(bad.page, 'workbench-collections-bad-period');
  });

  it('finance imports the day’s statement on 对账: a bad file changes nothing, a fee taken outside the center is found and resolved', async () => {
    // The stand-in's own statement of the day the notice was paid (its payment per revenue item, and the refund),
    // with one more line: a payment taken outside the center under the register's codes (P4). UTF-8 with a BOM.
    const day = chinaDate(paid.payment!.paidAt!);
    const bankFile = Buffer.from(await (await fetch(`${bankUrl}/statements/${day}.csv`)).arrayBuffer());
    const bankText = new TextDecoder('gb18030', { fatal: true }).decode(bankFile);
    expect(bankText).toContain(`,缴款,${paid.paymentCode},`);
    const outside = `${day},OUT-${world.cases.suffix},缴款,99999999999999999999,620321001,103040101,王*五,100.00,${day} 10:00:00,\r\n`;
    const statement = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bankText + outside, 'utf8')]);

    const finance = await web.open({
      expected: (p) =>
        noSupervision(p) || expectedAnswers([['POST', 400, /^\/api\/v1\/payments\/reconciliation\/statements$/]])(p),
    });
    await web.visit(finance.page, 'workbench', 'reconciliation');
    await web.signIn(finance.page, 'workbench', finance1.username, PASSWORD);
    const input = finance.page.getByLabel('对账单文件');
    await input.waitFor({ timeout: 30_000 });

    // A file with another header: refused with the reason, nothing stored.
    await input.setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF日期,金额\r\n', 'utf8'),
    });
    await finance.page.getByRole('button', { name: buttonName('导入对账单') }).click();
    const refused = finance.page.getByRole('alert').filter({ hasText: '对账单未导入' });
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.innerText()).toMatch(/表头|清算日期/);
    const token = await world.cases.token(finance1.username);
    const stored = async () =>
      (
        await world.reconcile<unknown, paymentsV1.ListStatementsResponse>(
          'listStatements',
          { tenant: '', page: { pageSize: 10, pageToken: '' } },
          token,
        )
      ).statements;
    expect(await stored()).toEqual([]);
    await checkPage(finance.page, 'workbench-reconciliation-refused');

    // The day's statement: imported; its one mismatch is the fee taken outside the center.
    await input.setInputFiles({ name: `${day}.csv`, mimeType: 'text/csv', buffer: statement });
    await finance.page.getByRole('button', { name: buttonName('导入对账单') }).click();
    const status = finance.page.getByRole('status').filter({ hasText: `已导入 ${day} 的对账单` });
    await status.waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toContain('差异 1 项');
    expect((await stored()).map((s) => s.settlementDate)).toEqual([day]);
    const row = finance.page
      .locator('tr')
      .filter({ has: finance.page.locator('[data-mismatch="fee_outside_center"]') });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.innerText()).toContain('99999999999999999999');
    expect(await finance.page.locator('[data-mismatch]').count()).toBe(1);
    await checkPage(finance.page, 'workbench-reconciliation-mismatches');

    // The same file again changes nothing.
    await input.setInputFiles({ name: `${day}.csv`, mimeType: 'text/csv', buffer: statement });
    await finance.page.getByRole('button', { name: buttonName('导入对账单') }).click();
    await finance.page.getByRole('status').filter({ hasText: '此前导入，未作改变' }).waitFor({ timeout: 30_000 });
    expect(await stored()).toHaveLength(1);

    // Resolved with a note: it leaves the open list.
    await row.getByRole('button', { name: buttonName('处理') }).click();
    const dialog = finance.page.getByRole('dialog', { name: '处理对账差异' });
    await dialog.getByLabel('处理说明').fill('已移交电子监察，核实为部门自行收费。');
    await dialog.getByRole('button', { name: buttonName('标记为已处理') }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await finance.page.getByText('没有符合条件的对账差异').waitFor({ timeout: 30_000 });
    const mismatches = (
      await world.reconcile<unknown, paymentsV1.ListMismatchesResponse>(
        'listMismatches',
        { tenant: '', statementId: '', kind: 0, state: 0, page: { pageSize: 10, pageToken: '' } },
        token,
      )
    ).mismatches;
    expect(mismatches.map((m) => [m.kind, m.state, m.resolutionNote])).toEqual([
      [
        paymentsV1.MismatchKind.MISMATCH_KIND_FEE_OUTSIDE_CENTER,
        paymentsV1.MismatchState.MISMATCH_STATE_RESOLVED,
        '已移交电子监察，核实为部门自行收费。',
      ],
    ]);
    expect(finance.problems.list()).toEqual([]);
  });
});
