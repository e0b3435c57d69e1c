import { caseActs, type Applicant } from '../../gateway/test/cases-stack';
import { checkPage, type WebWorld } from './web-world';
import { fieldError, staffPage } from './workbench-world';

// The workbench's 概览 (overview), the landing page of staff, with real cases: food licences (承诺件, five working
// days promised, five to send a one-time notice) submitted and accepted with the cases service's clock set back, so
// that the window's and the reviewer's queues hold cases with ample time, due soon and overdue. The numbers are read
// from the cards and the charts' descriptions; a segment of the pie, a bar and a card open the queue filtered; a wrong
// filter in the queue's address is named at its field; a member of staff without cases sees 暂无待办.

export function overviewTests(world: () => WebWorld): void {
  let w: WebWorld;
  const acts = caseActs(() => w);
  let applicant: Applicant;
  const number: Record<'windowAmple' | 'windowSoon' | 'ample' | 'soon' | 'overdue', string> = {} as never;

  /** Noon in China of a day. */
  const chinaNoon = (day: string) => `${day}T04:00:00.000Z`;
  const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    w = world();
    applicant = await w.newApplicant('赵概览');
    const realToday = chinaToday();
    const calendar = await w.calendar([Number(realToday.slice(0, 4)) - 1, Number(realToday.slice(0, 4))]);
    // "Today" is the latest working day, at noon: the cases service's clock stays pinned to it, so the
    // figures read the same whatever day the run falls on (CI once ran on a Saturday and found no such days).
    let today = realToday;
    while (!calendar.isWorkingDay(today)) today = dayBefore(today);
    /** The working day `n` working days before today. */
    const workingDaysAgo = (n: number) => {
      for (let d = dayBefore(today), i = 0; i < 60; d = dayBefore(d), i += 1) {
        if (calendar.isWorkingDay(d) && calendar.addWorkingDays(d, n) === today) return d;
      }
      throw new Error(`no working day ${n} working days before ${today}`);
    };
    // Reviewer's queue: accepted today (5 working days left), 3 working days ago (2 left: 即将到期), 10 ago (overdue).
    w.setClock(chinaNoon(workingDaysAgo(10)));
    number.overdue = (await acts.accepted(applicant)).caseNumber;
    w.setClock(chinaNoon(workingDaysAgo(3)));
    number.soon = (await acts.accepted(applicant)).caseNumber;
    // The window's queue: submitted 3 working days ago (2 left to send a notice) and today.
    number.windowSoon = (await acts.submitted(applicant)).caseNumber;
    w.setClock(chinaNoon(today));
    number.ample = (await acts.accepted(applicant)).caseNumber;
    number.windowAmple = (await acts.submitted(applicant)).caseNumber;

    // What the queue API says, the overview's source: the days left as intended.
    const left = async (who: 'reviewer' | 'clerk', query: string) => {
      const reply = await w.api('GET', `/cases/queue?${query}`, { token: await w.token(who) });
      expect(reply.status).toBe(200);
      return Object.fromEntries(
        (reply.body.cases as { caseNumber: string; workingDaysLeft?: number }[]).map((c) => [
          c.caseNumber,
          c.workingDaysLeft,
        ]),
      );
    };
    expect(await left('reviewer', 'tenant=620321&department=620321-SCJG&role=reviewer')).toEqual({
      [number.overdue]: -5,
      [number.soon]: 2,
      [number.ample]: 5,
    });
    expect(await left('clerk', `tenant=620321&windowId=${w.windowId}`)).toEqual({
      [number.windowSoon]: 2,
      [number.windowAmple]: 5,
    });
  }, 300_000);

  afterAll(async () => {
    w?.setClock();
  }, 480_000);

  const ROLE_QUEUE = '审查人员的在办环节';

  it('the reviewer lands on 概览: the queue by time left and by kind, each opening the queue filtered', async () => {
    const { page, problems } = await staffPage(w, 'reviewer');
    await page.getByRole('heading', { level: 1, name: '概览' }).waitFor();
    const card = page.locator('[data-queue="role:reviewer"]');
    await card.getByRole('heading', { level: 2, name: ROLE_QUEUE }).waitFor();

    // The numbers as text, for everyone.
    expect(await page.getByTestId('overview-summary').innerText()).toBe(
      '共 3 件待办：今日到期或已超期 1 件，即将到期 1 件，正常 1 件，不计时 0 件。',
    );
    const byLeft = card.getByRole('list', { name: `${ROLE_QUEUE}按剩余时间` });
    expect((await byLeft.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ''))).toEqual([
      '今日到期或已超期1件',
      '即将到期1件',
      '正常1件',
      '不计时0件',
    ]);
    const byKind = card.getByRole('list', { name: `${ROLE_QUEUE}按办件类别` });
    expect((await byKind.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ''))).toEqual([
      '即办件0件',
      '承诺件3件',
      '补办件0件',
      '退回件0件',
      '上报件0件',
      '联办件0件',
    ]);
    // The charts, described for screen readers with the same numbers.
    const pie = card.getByRole('img', { name: /按剩余时间/ });
    const bars = card.getByRole('img', { name: /按办件类别/ });
    expect(await pie.getAttribute('aria-label')).toBe(
      `${ROLE_QUEUE}按剩余时间：共3件，今日到期或已超期1件，即将到期1件，正常1件，不计时0件`,
    );
    expect(await bars.getAttribute('aria-label')).toBe(
      `${ROLE_QUEUE}按办件类别：即办件0件，承诺件3件，补办件0件，退回件0件，上报件0件，联办件0件`,
    );
    await pie.locator('path[fill="#ad4e00"]').first().waitFor();
    await checkPage(page, 'workbench-overview');

    // The pie's 即将到期 segment: the queue with the one case due soon.
    await pie.locator('path[fill="#ad4e00"]').first().click();
    await page.getByRole('heading', { level: 1, name: '工作队列' }).waitFor();
    expect(new URL(page.url()).search).toBe('?queue=role%3Areviewer&left=soon');
    await page.getByText('共 1 件').waitFor();
    const rows = page.locator('main tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(number.soon);
    expect(await rows.first().innerText()).toContain('剩余 2 个工作日');
    expect(await page.locator('.ant-select', { has: page.locator('#queue-left') }).innerText()).toContain('即将到期');
    await checkPage(page, 'workbench-queue-soon');

    // The case page says the same time left, also when opened directly: the count comes with the case's answer.
    await rows.first().getByRole('link').click();
    const deadlines = page.locator('section.panel').filter({ has: page.getByRole('heading', { name: '办理期限' }) });
    await deadlines.getByText('剩余 2 个工作日').waitFor();
    await page.reload();
    await deadlines.getByText('剩余 2 个工作日').waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '工作队列' }).waitFor();

    // Back on the overview, the 承诺件 bar: the queue of that kind, all three.
    await page.getByRole('link', { name: '概览', exact: true }).click();
    await bars.locator('path[fill="#0b4aa2"]:visible').first().waitFor();
    await bars.locator('path[fill="#0b4aa2"]:visible').first().click();
    await page.getByRole('heading', { level: 1, name: '工作队列' }).waitFor();
    expect(new URL(page.url()).search).toBe('?queue=role%3Areviewer&kind=promised');
    await page.getByText('共 3 件').waitFor();
    expect(await rows.count()).toBe(3);

    // A card: 今日到期或已超期, the overdue case.
    await page.getByRole('link', { name: '概览', exact: true }).click();
    await byLeft.getByRole('link', { name: /今日到期或已超期/ }).click();
    await page.getByText('共 1 件').waitFor();
    expect(new URL(page.url()).search).toBe('?queue=role%3Areviewer&left=due');
    expect(await rows.first().innerText()).toContain(number.overdue);
    expect(await rows.first().innerText()).toContain('已超期 5 个工作日');

    // A wrong filter in the address (a link typed or kept from elsewhere): named at its field, the rest applied.
    await w.visit(page, 'workbench', 'queue?queue=role%3Areviewer&kind=urgent&left=overdue');
    const form = page.locator('main form');
    expect(await fieldError(form, '办件类别')).toBe('链接中的办件类别“urgent”不存在，已显示全部类别');
    expect(await fieldError(form, '剩余时间')).toBe('链接中的剩余时间“overdue”不存在，已显示全部');
    await page.getByText('共 3 件').waitFor();
    await checkPage(page, 'workbench-queue-wrong-filter');

    expect(problems.list()).toEqual([]);
  });

  it('the window clerk sees the window’s queue counted, and an empty queue said so', async () => {
    const { page, problems } = await staffPage(w, 'clerk');
    const card = page.locator(`[data-queue="window:${w.windowId}"]`);
    await card.getByRole('img', { name: /按剩余时间/ }).waitFor();
    expect(await card.getByRole('img', { name: /按剩余时间/ }).getAttribute('aria-label')).toMatch(
      /号窗口 市场监管综合受理窗口（A岗）按剩余时间：共2件，今日到期或已超期0件，即将到期1件，正常1件，不计时0件$/,
    );
    // The clerk's other queue (results waiting at the window) holds nothing: words, not an empty chart.
    const empty = page.locator('[data-queue="role:window_clerk"]');
    expect(await empty.innerText()).toContain('该队列暂无待办件。');
    expect(await empty.locator('[role="img"][aria-label*="按剩余时间"]').count()).toBe(0);
    await checkPage(page, 'workbench-overview-clerk');
    expect(problems.list()).toEqual([]);
  });

  it('a member of staff with no cases sees 暂无待办, not empty charts', async () => {
    const { page, problems } = await staffPage(w, 'otherDepartment');
    await page.getByRole('heading', { level: 1, name: '概览' }).waitFor();
    await page.getByText('暂无待办', { exact: true }).waitFor();
    expect(await page.locator('main [role="img"][aria-label*="按"]').count()).toBe(0);
    await checkPage(page, 'workbench-overview-empty');
    expect(problems.list()).toEqual([]);
  });
}
