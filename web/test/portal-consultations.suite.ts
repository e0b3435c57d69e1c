import { PASSWORD, type Applicant } from '../../gateway/test/cases-stack';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './workbench-world';
import { buttonName, checkPage, type WebWorld } from './web-world';

/**
 * 咨询 in the browser (the world runs the complaints service): the applicant asks about 食品经营许可 on its guide (an
 * empty question refused at its field), in public; the market-regulation clerk answers it in 咨询答复 (an empty
 * answer refused by the service at its field) and logs a phone consultation answered on the spot; the department head curates it into the item's FAQ, which a visitor
 * then reads on the guide; the applicant reads the answer in 我的咨询 and writes to the leader mailbox.
 */
export function consultationTests(world: () => WebWorld, applicantOf: () => Applicant): void {
  it('咨询: asked on the guide, answered in the workbench, curated into the FAQ the guide shows; the leader mailbox', async () => {
    const w = world();
    const applicant = applicantOf();
    const question = `个体户在家中经营网店，办理食品经营许可需要现场核查吗？（${Date.now() % 100000}）`;

    const { page, problems } = await w.open();
    await w.visit(page, 'portal', `items/${w.food.id}`);
    await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
    const ask = page.getByRole('form', { name: '我要咨询' });
    await ask.waitFor();
    await ask.getByRole('button', { name: buttonName('提交咨询') }).click();
    expect(await fieldError(ask, '我要咨询')).toBe('请填写您的问题');
    await ask.getByLabel('我要咨询').fill(question);
    await ask.getByRole('button', { name: buttonName('提交咨询') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^已提交，编号 ZX620321\d{13}/ })
      .waitFor();
    await checkPage(page, 'portal-item-consultation');

    // The clerk of the item's department answers; an empty answer is refused at its field (400, expected).
    const desk = await w.open({
      expected: expectedAnswers([['POST', 400, /^\/api\/v1\/consultations\/[0-9a-f-]+\/answer$/]]),
    });
    await w.visit(desk.page, 'workbench', 'consultations');
    await w.signIn(desk.page, 'workbench', w.login.clerk, PASSWORD);
    await desk.page.getByRole('link', { name: question.slice(0, 30) + '…' }).click();
    const answer = desk.page.locator('.ant-card', { has: desk.page.getByText('答复咨询', { exact: true }) });
    await answer.getByRole('button', { name: buttonName('提交答复') }).click();
    expect(await fieldError(answer, '答复内容（告知咨询人）')).not.toBe('');
    await answer
      .getByLabel('答复内容（告知咨询人）')
      .fill('网店经营场所在住宅内的，受理后5个工作日内现场核查，请提前准备经营场所照片。');
    await answer.getByRole('button', { name: buttonName('提交答复') }).click();
    await desk.page.locator('main .ant-tag', { hasText: '已答复' }).waitFor();
    await checkPage(desk.page, 'workbench-consultation');

    // The clerk logs a phone consultation answered on the spot (首问负责); the queue has it, answered.
    const call = `来电咨询：食品经营许可证到期后延续，需要提前多久申请？（${Date.now() % 100000}）`;
    await w.visit(desk.page, 'workbench', 'consultations');
    const log = desk.page.locator('.ant-card', {
      has: desk.page.getByText('登记电话、来访或热线咨询', { exact: true }),
    });
    await log.getByRole('combobox', { name: '所咨询的事项' }).click();
    await desk.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="食品经营许可"]')
      .first()
      .click();
    await log.getByLabel('咨询人姓名（可不填）').fill('王先生');
    await log.getByLabel('咨询内容').fill(call);
    await log.getByLabel(/^当场答复/).fill('应在许可证有效期届满30个工作日前提出延续申请，可在网上办事大厅办理。');
    await log.getByRole('button', { name: buttonName('登记') }).click();
    await log.getByRole('status').filter({ hasText: '已登记' }).waitFor();
    await desk.page.locator('[aria-label="答复状态"]').getByText('已答复', { exact: true }).click();
    const logged = desk.page.locator('tr', { has: desk.page.getByRole('link', { name: call.slice(0, 30) + '…' }) });
    await logged.waitFor();
    expect(await logged.innerText()).toMatch(/电话咨询[\s\S]*已答复/);
    await checkPage(desk.page, 'workbench-consultation-logged');
    expect(desk.problems.list()).toEqual([]);

    // The department head curates it into the FAQ, reworded.
    const head = await w.open();
    await w.visit(head.page, 'workbench', 'consultations?status=answered');
    await w.signIn(head.page, 'workbench', w.login.head, PASSWORD);
    await head.page.getByRole('link', { name: question.slice(0, 30) + '…' }).click();
    const curate = head.page.locator('.ant-card', {
      has: head.page.getByText('整理为事项的常见问题', { exact: true }),
    });
    const faqQuestion = `在家经营网店办理食品经营许可需要现场核查吗？（${Date.now() % 100000}）`;
    await curate.getByLabel('问题（可改写，去掉个人信息）').fill(faqQuestion);
    await curate.getByRole('button', { name: buttonName('加入常见问题') }).click();
    await head.page.getByRole('status').filter({ hasText: '已加入常见问题' }).waitFor();
    expect(head.problems.list()).toEqual([]);

    // A visitor reads it on the guide, among the item's FAQ.
    const visitor = await w.open();
    await w.visit(visitor.page, 'portal', `items/${w.food.id}`);
    const faq = visitor.page.locator('.ant-card', { has: visitor.page.getByText('常见问题', { exact: true }) });
    await faq.getByText(`问：${faqQuestion}`).waitFor();
    await checkPage(visitor.page, 'portal-guide-faq');
    expect(visitor.problems.list()).toEqual([]);

    // The applicant reads the answer in 我的咨询 and writes to the leader mailbox.
    await w.visit(page, 'portal', 'consultations');
    const mine = page.locator('.ant-card', { has: page.getByText('我的咨询', { exact: true }) });
    const asked = mine.locator('.ant-list-item', { hasText: question });
    await asked.getByText('已答复').waitFor();
    expect(await asked.innerText()).toContain('受理后5个工作日内现场核查');
    await page.getByLabel('所在地区').selectOption({ label: '永昌县' });
    const letter = page.getByRole('form', { name: '来信内容' });
    await letter.getByLabel('来信内容').fill('建议政务服务中心周六上午开放部分窗口，方便上班族办事。');
    await letter.getByRole('button', { name: buttonName('提交来信') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^已提交，编号 ZX/ })
      .waitFor();
    await mine.locator('.ant-list-item', { hasText: '领导信箱' }).first().getByText('待答复').waitFor();
    await checkPage(page, 'portal-consultations');
    expect(problems.list()).toEqual([]);
  });
}
