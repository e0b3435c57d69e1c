import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type LaunchOptions,
  type Page,
} from 'playwright-core';
import { REPO_ROOT } from './stack';

/**
 * The browser harness of the end-to-end tests: Debian's Chromium (deploy/stack/provision.sh chromium) driven by
 * playwright-core, a page that records console errors and failed requests, axe-core's serious and critical
 * findings, and screenshots at a desktop and a phone size.
 */

/** Debian's Chromium; CHROMIUM_PATH overrides (another build of Chromium). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Flags of every launch. The machines reach no internet: without the background-networking, component-update and
 * sync flags Chromium keeps opening connections to Google's hosts, which are refused. No sandbox: tests run as root.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The two sizes every page is checked and photographed at. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * Launch options: headless, the flags above. Playwright starts Chromium with a fresh temporary --user-data-dir of
 * its own on every launch and deletes it on close (it refuses one passed in `args`), so no profile is shared.
 */
export function chromiumLaunchOptions(executablePath = chromiumPath(), env = process.env): LaunchOptions {
  // A UTF-8 locale: in the C locale Chromium saves `<a download="身份证.pdf">` as "download" (a clean environment
  // has no LANG).
  const utf8 = /utf-?8/i.test(env.LC_ALL || env.LANG || '');
  return {
    executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    ...(utf8 ? {} : { env: { ...env, LANG: 'C.UTF-8', LC_ALL: '' } }),
  };
}

/** Context options of a viewport: Chinese locale and China's time zone; the phone as a touch device. */
export function contextOptions(viewport: ViewportName): BrowserContextOptions {
  const common: BrowserContextOptions = {
    viewport: { ...VIEWPORTS[viewport] },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The apps honour the setting (antd's and the charts' animations off): a click never lands on a dialog still
    // zooming in, which on a loaded machine moved under the pointer between Playwright's checks and the click.
    reducedMotion: 'reduce',
  };
  return viewport === 'phone' ? { ...common, isMobile: true, hasTouch: true } : common;
}

/** Something that went wrong on a page: what a user would not see, but a test must. */
export interface PageProblem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http';
  message: string;
  url?: string;
}
/** True for a problem a test expects (e.g. the 401 of a wrong password); it is then not recorded. */
export type ProblemFilter = (problem: PageProblem) => boolean;

/** The problems of one page, in the order they happened. */
export class ProblemLog {
  private readonly recorded: PageProblem[] = [];
  constructor(private readonly expected: ProblemFilter = () => false) {}

  add(problem: PageProblem): void {
    if (!this.expected(problem)) this.recorded.push(problem);
  }

  /** What was recorded so far (a test asserts `toEqual([])`, which prints each problem when it fails). */
  list(): PageProblem[] {
    return [...this.recorded];
  }

  clear(): void {
    this.recorded.length = 0;
  }
}

/**
 * Records a page's console errors, uncaught exceptions, requests that failed (network) and responses of 400 and
 * above. Chromium's console line "Failed to load resource" is left out: the request itself is recorded with its URL;
 * so are requests the page aborted itself (net::ERR_ABORTED: it navigated while they were on their way).
 */
export function watchPage(page: Page, expected?: ProblemFilter): ProblemLog {
  const log = new ProblemLog(expected);
  page.on('console', (message) => {
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
    log.add({ kind: 'console', message: message.text(), url: message.location().url || undefined });
  });
  page.on('pageerror', (error) => log.add({ kind: 'pageerror', message: error.message }));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // A request the page itself gave up (it navigated on, or a component went away): no fault of the server.
    if (reason === 'net::ERR_ABORTED') return;
    log.add({ kind: 'requestfailed', message: `${request.method()} ${reason}`, url: request.url() });
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      log.add({ kind: 'http', message: `${response.request().method()} ${response.status()}`, url: response.url() });
  });
  return log;
}

/** A page in its own browser context, with its problem log. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: ProblemLog;
}

export interface BrowserUnderTest {
  browser: Browser;
  /** A new context (own cookies and storage) at the viewport, with one watched page. */
  newPage(options?: { viewport?: ViewportName; expected?: ProblemFilter }): Promise<WatchedPage>;
  close(): Promise<void>;
}

/** Starts headless Chromium. Fails with the command that installs it when it is missing. */
export async function launchBrowser(executablePath = chromiumPath()): Promise<BrowserUnderTest> {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium not found at ${executablePath}: run 'bash deploy/stack/provision.sh chromium' ` +
        `(root: apt-get install --no-install-recommends chromium chromium-driver fonts-noto-cjk), or set CHROMIUM_PATH`,
    );
  const browser = await chromium.launch(chromiumLaunchOptions(executablePath));
  return {
    browser,
    async newPage({ viewport = 'desktop', expected } = {}) {
      const context = await browser.newContext(contextOptions(viewport));
      const page = await context.newPage();
      return { page, context, problems: watchPage(page, expected) };
    },
    close: () => browser.close(),
  };
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

/** One serious or critical accessibility finding: the axe rule, what it asks, and the elements that break it. */
export interface A11yFinding {
  rule: string;
  impact: 'serious' | 'critical';
  help: string;
  targets: string[];
}

/** axe-core violations reduced to the serious and critical ones (the bar: none on any visited page). */
export function seriousFindings(violations: readonly AxeViolation[]): A11yFinding[] {
  const findings: A11yFinding[] = [];
  for (const v of violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    findings.push({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')),
    });
  }
  return findings;
}

/**
 * Runs axe-core (its default rules: WCAG 2 A/AA and best practices) on the page as it is now and returns the
 * serious and critical violations; a test asserts `toEqual([])`. `exclude` takes CSS selectors of parts the
 * project does not own.
 *
 * Legacy mode (`axe.run` in the page itself): the default mode runs `axe.runPartial` in each frame and then opens a
 * new blank page in the context for `axe.finishRun`, which doubled the check's time (about 3.4 s → 1.8 s a page,
 * measured on the workbench's walk-in pages). What legacy mode gives up is cross-origin frames, and the apps have
 * no frames.
 */
export async function a11yFindings(page: Page, options: { exclude?: string[] } = {}): Promise<A11yFinding[]> {
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return seriousFindings(results.violations);
}

/** Where screenshots go: `$GOVHALL_STATE/screenshots/<name>-<viewport>.png` (the state dir defaults to .stack). */
export function screenshotPath(name: string, viewport: ViewportName, stateDir = process.env.GOVHALL_STATE): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name))
    throw new Error(`screenshot name '${name}': lower-case letters, digits and single hyphens only`);
  return path.join(stateDir ?? path.join(REPO_ROOT, '.stack'), 'screenshots', `${name}-${viewport}.png`);
}

/**
 * Photographs the page (full length) at the desktop and the phone size: the viewport is resized for each shot and
 * restored afterwards. Returns the two files.
 */
export async function screenshots(page: Page, name: string): Promise<Record<ViewportName, string>> {
  const before = page.viewportSize();
  const files = {} as Record<ViewportName, string>;
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const file = screenshotPath(name, viewport);
    await mkdir(path.dirname(file), { recursive: true });
    await page.setViewportSize({ ...VIEWPORTS[viewport] });
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    files[viewport] = file;
  }
  if (before) await page.setViewportSize(before);
  return files;
}
