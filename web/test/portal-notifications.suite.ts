import { caseActs, eventually, PASSWORD, type Applicant } from '../../gateway/test/cases-stack';
import { checkPage, type WebWorld } from './web-world';
import { choose } from './workbench-world';

// 消息: an applicant applies, the clerk accepts through the API, the service's notifier writes the in-site
// notification; the portal's header shows the unread badge, the page lists it, 全部标为已读 clears the badge. A page
// size the gateway refuses, typed into the address, is shown at the page-size field.

export function notificationTests(world: () => WebWorld): void {
  let w: WebWorld;
  const acts = caseActs(() => w);
  let applicant: Applicant;

  beforeAll(async () => {
    // The world's notifier group starts at the end of the shared case topic (startCasesWorld).
    w = world();
    applicant = await w.newApplicant('孙消息');
  }, 240_000);

  afterAll(async () => {});

  /** The refused page size's answer (and the browser's console line about it) are what this test provokes. */
  const badPageSize = (p: { kind: string; message: string; url?: string }) =>
    (p.kind === 'http' &&
      p.message === 'GET 400' &&
      /\/api\/v1\/notifications\/mine\?pageSize=500/.test(p.url ?? '')) ||
    (p.kind === 'console' && /status of 400/.test(p.message));

  it('shows a case notification with the unread badge, marks it read, and a wrong page size at its field', async () => {
    const accepted = await acts.accepted(applicant);
    // The notifier reads the transition from Kafka: wait until the notification is there before looking.
    const token = await applicant.token();
    await eventually(
      async () => {
        const res = await fetch(`${w.origin}/api/v1/notifications/mine`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { unread: number }).unread > 0;
      },
      'the acceptance notification',
      90_000,
    );

    const { page, problems } = await w.open({ expected: badPageSize });
    await w.visit(page, 'portal', 'notifications');
    await page.getByText('登录后可查看您的消息。').waitFor();
    await checkPage(page, 'portal-notifications-login');
    await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/notifications');

    const nav = page.getByRole('navigation', { name: '主导航' });
    const badge = nav.getByTestId('unread-badge');
    await badge.waitFor();
    expect(await badge.innerText()).toMatch(/^1\s*条未读$/);
    const card = page.locator('.ant-card', { hasText: '受理通知：食品经营许可' });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('未读');
    expect(text).toContain(`办件编号：${accepted.caseNumber}`);
    expect(text).toMatch(/已于\d{4}年\d{1,2}月\d{1,2}日受理/);
    expect(text).toContain('承诺办结日期');
    expect(await card.getByRole('link', { name: '查看办件' }).getAttribute('href')).toBe(`/my/cases/${accepted.id}`);
    await checkPage(page, 'portal-notifications');

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('全部已读').waitFor();
    await badge.waitFor({ state: 'detached' });
    expect(await card.innerText()).toContain('已读');
    expect(await card.innerText()).not.toContain('未读');
    // Stored: the service says none is unread, and a reload shows no badge.
    const after = await fetch(`${w.origin}/api/v1/notifications/mine`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await after.json()) as { unread: number }).unread).toBe(0);
    await w.visit(page, 'portal', 'notifications');
    await card.waitFor();
    expect(await nav.getByTestId('unread-badge').count()).toBe(0);

    // A wrong page size in the address: the gateway's Chinese message at the page-size field, no list.
    await w.visit(page, 'portal', 'notifications?pageSize=500');
    const sizeError = page.locator('#notification-page-size-error');
    await sizeError.waitFor();
    expect(await sizeError.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await sizeError.innerText()).toContain('100');
    expect(await page.locator('#notification-page-size').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.ant-card', { hasText: '受理通知' }).count()).toBe(0);
    await checkPage(page, 'portal-notifications-bad-size');

    // Choosing a size from the field recovers.
    await choose(page, page.locator('main'), '每页条数', '10条');
    await card.waitFor();
    expect(new URL(page.url()).searchParams.get('pageSize')).toBe('10');

    expect(problems.list()).toEqual([]);
  }, 420_000);
}
