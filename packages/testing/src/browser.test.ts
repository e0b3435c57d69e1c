import { EventEmitter } from 'node:events';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  CHROMIUM_FLAGS,
  chromiumLaunchOptions,
  contextOptions,
  launchBrowser,
  screenshotPath,
  seriousFindings,
  watchPage,
} from './browser';

describe('chromium launch options', () => {
  it('give Chromium a UTF-8 locale when the environment has none (Chinese download names)', () => {
    expect(chromiumLaunchOptions('/usr/bin/chromium', { PATH: '/usr/bin' }).env).toMatchObject({ LANG: 'C.UTF-8' });
    expect(chromiumLaunchOptions('/usr/bin/chromium', { LANG: 'C' }).env).toMatchObject({ LANG: 'C.UTF-8' });
    expect(chromiumLaunchOptions('/usr/bin/chromium', { LANG: 'zh_CN.UTF-8' }).env).toBeUndefined();
  });

  it('start Debian chromium headless with the flags this closed network needs', () => {
    const options = chromiumLaunchOptions();
    expect(options.executablePath).toBe(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
    expect(options.headless).toBe(true);
    expect(options.args).toEqual(
      expect.arrayContaining([
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
    // Playwright gives every launch a fresh profile of its own and refuses one in the arguments.
    expect(options.args!.some((a) => a.startsWith('--user-data-dir'))).toBe(false);
    expect(CHROMIUM_FLAGS).toHaveLength(7);
  });

  it('give desktop 1366×768 and a touch phone 390×844, both in Chinese and China time, asking for less motion', () => {
    expect(contextOptions('desktop')).toEqual({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    });
    expect(contextOptions('phone')).toMatchObject({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
  });

  it('refuse to launch without chromium and name the command that installs it', async () => {
    await expect(launchBrowser('/nonexistent/chromium')).rejects.toThrow(
      /Chromium not found at \/nonexistent\/chromium: run 'bash deploy\/stack\/provision\.sh chromium'/,
    );
  });
});

/** Playwright's page events, emitted by hand (unit test only). */
function fakePage(): EventEmitter & Page {
  return new EventEmitter() as unknown as EventEmitter & Page;
}
const consoleMessage = (type: string, text: string) => ({
  type: () => type,
  text: () => text,
  location: () => ({ url: 'http://x/app.js' }),
});
const request = (url: string, errorText?: string) => ({
  url: () => url,
  method: () => 'GET',
  failure: () => (errorText ? { errorText } : null),
});

describe('watchPage', () => {
  it('records console errors, uncaught exceptions, failed requests and error responses — not requests the page aborted, nothing else', () => {
    const page = fakePage();
    const problems = watchPage(page);
    page.emit('console', consoleMessage('error', 'TypeError: x is undefined'));
    page.emit('console', consoleMessage('warning', 'deprecated'));
    page.emit('console', consoleMessage('log', 'hello'));
    page.emit('console', consoleMessage('error', 'Failed to load resource: the server responded with a status of 404'));
    page.emit('pageerror', new Error('boom'));
    page.emit('requestfailed', request('http://x/api', 'net::ERR_CONNECTION_REFUSED'));
    page.emit('requestfailed', request('http://x/api/left-behind', 'net::ERR_ABORTED'));
    page.emit('response', { status: () => 404, url: () => 'http://x/missing.png', request: () => request('') });
    page.emit('response', { status: () => 200, url: () => 'http://x/', request: () => request('') });
    page.emit('response', { status: () => 302, url: () => 'http://x/login', request: () => request('') });
    expect(problems.list()).toEqual([
      { kind: 'console', message: 'TypeError: x is undefined', url: 'http://x/app.js' },
      { kind: 'pageerror', message: 'boom' },
      { kind: 'requestfailed', message: 'GET net::ERR_CONNECTION_REFUSED', url: 'http://x/api' },
      { kind: 'http', message: 'GET 404', url: 'http://x/missing.png' },
    ]);
    problems.clear();
    expect(problems.list()).toEqual([]);
  });

  it('leaves out what the test expects', () => {
    const page = fakePage();
    const problems = watchPage(page, (p) => p.kind === 'http' && p.message === 'GET 401');
    page.emit('response', { status: () => 401, url: () => 'http://x/login', request: () => request('') });
    page.emit('response', { status: () => 500, url: () => 'http://x/api', request: () => request('') });
    expect(problems.list()).toEqual([{ kind: 'http', message: 'GET 500', url: 'http://x/api' }]);
  });
});

describe('seriousFindings', () => {
  const violation = (id: string, impact: string | null, targets: unknown[]) =>
    ({ id, impact, help: `help ${id}`, nodes: targets.map((t) => ({ target: t })) }) as never;

  it('keeps serious and critical violations with their elements, drops moderate and minor ones', () => {
    expect(
      seriousFindings([
        violation('image-alt', 'critical', [['img.logo'], ['#a', ['#host', 'button']]]),
        violation('color-contrast', 'serious', [['.hint']]),
        violation('region', 'moderate', [['div']]),
        violation('meta-viewport-large', 'minor', [['meta']]),
        violation('unknown', null, [['x']]),
      ]),
    ).toEqual([
      { rule: 'image-alt', impact: 'critical', help: 'help image-alt', targets: ['img.logo', '#a #host >>> button'] },
      { rule: 'color-contrast', impact: 'serious', help: 'help color-contrast', targets: ['.hint'] },
    ]);
  });
});

describe('screenshotPath', () => {
  it('puts <name>-<viewport>.png under the state dir', () => {
    expect(screenshotPath('portal-home', 'phone', '/tmp/state')).toBe('/tmp/state/screenshots/portal-home-phone.png');
    expect(screenshotPath('login', 'desktop', undefined)).toBe(
      path.join(
        process.env.GOVHALL_STATE ?? path.resolve(__dirname, '../../../.stack'),
        'screenshots/login-desktop.png',
      ),
    );
  });

  it('refuses names that are not plain file names', () => {
    for (const bad of ['../etc/passwd', 'Portal Home', 'a/b', '', '-x', 'x--y'])
      expect(() => screenshotPath(bad, 'desktop', '/tmp/state')).toThrow(/lower-case letters/);
  });
});
