import {
  a11yFindings,
  authorizationRequest,
  DEMO_PASSWORD,
  exchangeCode,
  keycloakFieldError,
  keycloakLogin,
  launchBrowser,
  screenshots,
  servePages,
  submitKeycloakLogin,
  uniqueSuffix,
  type BrowserUnderTest,
  type PageServer,
} from '@govhall/testing';

// Keycloak's real login pages of realm govhall in the GovHall theme (deploy/keycloak/themes/govhall), as the
// portal's login shows them: an authorization request of client govhall-portal with PKCE, in Debian's Chromium.
// The callback is a page of a local server on a loopback port (the realm allows http://127.0.0.1 on any port).
const CALLBACK_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网上办事大厅</title>
<link rel="icon" href="data:,"></head><body><main><h1>已返回网上办事大厅</h1></main></body></html>`;

describe('Keycloak login pages (theme govhall)', () => {
  let browser: BrowserUnderTest;
  let app: PageServer;

  beforeAll(async () => {
    app = await servePages({ '/callback': { body: CALLBACK_PAGE } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the center’s Chinese login page, the error at the field for a wrong password, and logs an applicant in', async () => {
    const redirectUri = `${app.origin}/callback`;
    const request = authorizationRequest({ clientId: 'govhall-portal', redirectUri });
    // Keycloak answers a wrong password with the login form again, status 401.
    const { page, problems } = await browser.newPage({
      expected: (p) =>
        p.kind === 'http' && p.message === 'POST 401' && /\/login-actions\/authenticate/.test(p.url ?? ''),
    });

    await page.goto(request.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toBe('统一身份认证 - GovHall 政务服务大厅');
    expect((await page.locator('#kc-header-wrapper').innerText()).trim()).toBe('政务服务中心 · 统一身份认证');
    expect((await page.locator('#kc-page-title').innerText()).trim()).toBe('用户登录');
    expect((await page.locator('label[for="username"]').innerText()).trim()).toBe('用户名、身份证号或电子邮箱');
    expect((await page.locator('#kc-login').innerText()).trim()).toBe('登录');
    expect(await page.locator('#govhall-footer').innerText()).toContain('政务服务便民热线 12345');
    // The theme's stylesheet is applied: the top bar is the center's red.
    const barColour = await page
      .locator('.pf-v5-c-login__header')
      .evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor as string);
    expect(barColour).toBe('rgb(184, 20, 27)');
    expect(await a11yFindings(page)).toEqual([]);
    await screenshots(page, 'keycloak-login');

    await submitKeycloakLogin(page, { username: 'zhang-san', password: `wrong-${uniqueSuffix()}` });
    expect(await keycloakFieldError(page, 'username')).toBe('用户名或密码错误，请重新输入。');
    expect(await page.locator('#username').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#username').inputValue()).toBe('zhang-san'); // kept for the second try
    expect(await a11yFindings(page)).toEqual([]);
    await screenshots(page, 'keycloak-login-error');

    const back = await keycloakLogin(page, { username: 'zhang-san', password: DEMO_PASSWORD, returnTo: redirectUri });
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect((await page.locator('h1').innerText()).trim()).toBe('已返回网上办事大厅');
    const tokens = await exchangeCode(request, back);
    expect(tokens.claims).toMatchObject({ preferred_username: 'zhang-san', azp: 'govhall-portal', tenant: '620321' });
    expect(tokens.claims.roles).toEqual(expect.arrayContaining(['applicant']));

    expect(problems.list()).toEqual([]);
  });
});
