import { PASSWORD, type Applicant } from '../../gateway/test/cases-stack';
import { fieldError } from './workbench-world';
import { buttonName, checkPage, type WebWorld } from './web-world';

/**
 * 在线咨询 in the browser (C18; the world runs the complaints service): the applicant starts a live session on the
 * guide of 食品经营许可 (an empty question refused at its field) and waits on its page; the market-regulation clerk
 * sees it arrive in 在线咨询台's queue (pushed, no reload), takes it up and answers; the answer appears on the
 * applicant's page as it is sent, the applicant's reply on the clerk's; the applicant ends it and both pages say so.
 */
export function liveConsultationTests(world: () => WebWorld, applicantOf: () => Applicant): void {
  it('在线咨询: started on the guide, taken up on the desk, talked through live on both pages, ended', async () => {
    const w = world();
    const applicant = applicantOf();
    const question = `网店的食品经营许可，经营场所写住址可以吗？（${Date.now() % 100000}）`;

    // The clerk's desk is open first: the session must arrive by the queue's stream.
    const desk = await w.open();
    await w.visit(desk.page, 'workbench', 'live');
    await w.signIn(desk.page, 'workbench', w.login.clerk, PASSWORD);
    const queue = desk.page.getByRole('region', { name: '咨询队列' });
    await desk.page.getByRole('heading', { name: '咨询队列' }).waitFor();
    await queue.getByText('暂无等待接待的在线咨询').waitFor();
    await checkPage(desk.page, 'workbench-live-desk-empty');

    const { page, problems } = await w.open();
    await w.visit(page, 'portal', `items/${w.food.id}`);
    await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
    const start = page.getByRole('form', { name: '在线咨询窗口人员' });
    await start.waitFor();
    await start.getByRole('button', { name: buttonName('开始在线咨询') }).click();
    expect(await fieldError(start, '想问的问题')).toBe('请填写您想问的问题');
    await start.getByLabel('想问的问题').fill(question);
    await start.getByRole('button', { name: buttonName('开始在线咨询') }).click();
    await page.waitForURL(/\/consultations\/live\/[0-9a-f-]+$/);
    const log = page.getByRole('log', { name: '咨询消息' });
    await log.getByText(question).waitFor();
    await page.getByRole('status').filter({ hasText: '正在等待窗口人员接待' }).waitFor();
    await checkPage(page, 'portal-live-waiting');

    // The session arrives in the clerk's queue; the clerk takes it up and answers.
    const item = queue.locator('.ant-list-item', { hasText: question });
    await item.getByRole('button', { name: buttonName('接待') }).click();
    const deskLog = desk.page.getByRole('log', { name: '咨询消息' });
    await deskLog.getByText(question).waitFor();
    const answer = '可以。住宅作为经营场所的，需提供产权证明或租赁合同，并承诺不在住宅内加工食品。';
    await desk.page.getByLabel('消息', { exact: true }).fill(answer);
    await desk.page.getByRole('button', { name: buttonName('发送') }).click();
    await deskLog.getByText(answer).waitFor();

    // The applicant's page shows who took it up and the answer, as they come.
    await log.getByText(answer).waitFor();
    await page.getByText(/接待人员：/).waitFor();
    const thanks = '明白了，我准备一下租赁合同，谢谢！';
    await page.getByLabel('消息', { exact: true }).fill(thanks);
    await page.getByRole('button', { name: buttonName('发送') }).click();
    await deskLog.getByText(thanks).waitFor();
    await checkPage(desk.page, 'workbench-live-desk');

    await page.getByRole('button', { name: buttonName('结束咨询') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /本次在线咨询已于 .* 结束/ })
      .waitFor();
    await desk.page
      .getByRole('status')
      .filter({ hasText: /本次在线咨询已于 .* 结束/ })
      .waitFor();
    await checkPage(page, 'portal-live-closed');
    // Each message once on each side, in order.
    expect(await log.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining(question),
      expect.stringContaining(answer),
      expect.stringContaining(thanks),
    ]);
    expect(await deskLog.locator('li').count()).toBe(3);
    expect(problems.list()).toEqual([]);
    expect(desk.problems.list()).toEqual([]);
  });
}
