import {
  a11yFindings,
  allowWebOrigin,
  keycloakLogin,
  launchBrowser,
  recordPagesOnFailure,
  screenshots,
  type BrowserUnderTest,
  type ProblemFilter,
  type ViewportName,
  type WatchedPage,
  type Page,
  type Locator,
  waitFor,
} from '@govhall/testing';
import { APP_BASE, type AppName } from '../src/shared/app-base';
import { startCasesWorld, type CasesWorld, type CasesWorldOptions } from '../../gateway/test/cases-stack';

/*
 * The web apps against the real stack: the cases world of the gateway's e2e tests (identity, catalogue with the
 * published seed catalogue, applications, gateway — each its own process; staff, a window, applicants) with the
 * gateway serving the built web apps (web/dist), its origin listed on the realm's web clients (ADR 0028), and
 * Debian's Chromium. Pages are driven as people use them: through the apps' own login buttons and Keycloak's login
 * pages.
 */

export type { AppName };
export const APP_PATH = APP_BASE;

/** A browser on a gateway's origin (listed on the realm's web clients while it is open, ADR 0028). */
export interface BrowserAt {
  /** The gateway's origin, serving the apps and the API. */
  origin: string;
  browser: BrowserUnderTest;
  /** A new browser context at `viewport` with a watched page (console errors, failed requests, HTTP ≥ 400). */
  open(options?: { viewport?: ViewportName; expected?: ProblemFilter }): Promise<WatchedPage>;
  /** Opens `path` of `app` (a path inside the app, default its home) and waits for the page to settle. */
  visit(page: Page, app: AppName, path?: string): Promise<void>;
  /**
   * Logs `username` in through the app's 登录 button and Keycloak's login page; back in the app afterwards, once
   * `signedIn` resolves (default: the header's 退出登录 button is there; the big screen has no header).
   */
  signIn(
    page: Page,
    app: AppName,
    username: string,
    password: string,
    signedIn?: (page: Page) => Promise<unknown>,
  ): Promise<void>;
  /** Closes the browser and takes the origin off the web clients. */
  close(): Promise<void>;
}

export interface WebWorld extends CasesWorld, Omit<BrowserAt, 'close'> {}

/** The pages the web world opened and that are still open: what a failed test's record shows. */
const openPages = new Set<Page>();

// Every browser test file imports this module: a failed test leaves its pages' state under $GOVHALL_STATE/failures.
recordPagesOnFailure(() => [...openPages]);

/**
 * The cases world with the browser. Supervision always runs behind the gateway, as in every deployment: the staff
 * apps ask it for the inbox badge on every page (GET /supervision/messages/mine), which a world without it answers
 * 503. A test passes `supervision` for its own variables (a test clock).
 */
export async function startWebWorld(options: CasesWorldOptions = {}): Promise<WebWorld> {
  const world = await startCasesWorld({ supervision: {}, ...options });
  try {
    const { close, ...at } = await browserAt(new URL(world.stack.gatewayUrl).origin);
    return {
      ...world,
      ...at,
      async stop() {
        await close();
        await world.stop();
      },
    };
  } catch (e) {
    await world.stop();
    throw e;
  }
}

/** A browser for the apps a gateway at `origin` serves, the origin listed on the realm's web clients meanwhile. */
export async function browserAt(origin: string): Promise<BrowserAt> {
  const release = await allowWebOrigin(origin);
  let b: BrowserUnderTest;
  try {
    b = await launchBrowser();
  } catch (e) {
    await release();
    throw e;
  }
  return {
    origin,
    browser: b,
    async open(o) {
      const watched = await b.newPage(o);
      openPages.add(watched.page);
      watched.page.on('close', () => openPages.delete(watched.page));
      return watched;
    },
    async visit(page, app, path = '') {
      await page.goto(`${origin}${APP_PATH[app]}${path.replace(/^\//, '')}`);
      await page.waitForLoadState('networkidle');
    },
    async signIn(page, app, username, password, signedIn) {
      await page
        .getByRole('button', { name: buttonName('登录') })
        .first()
        .click();
      await page.waitForURL((url) => url.origin !== origin, { timeout: 15_000 });
      await keycloakLogin(page, { username, password, returnTo: origin });
      // The app's callback page exchanges the code and returns to where the login started.
      await page.waitForURL((url) => url.origin === origin && !url.pathname.endsWith('/callback'), {
        timeout: 15_000,
      });
      await (signedIn ? signedIn(page) : page.getByRole('button', { name: '退出登录' }).waitFor({ timeout: 15_000 }));
    },
    async close() {
      await b.close();
      await release();
    },
  };
}

interface MotionElement {
  getAttribute(name: string): string | null;
  checkVisibility(): boolean;
  closest(selector: string): MotionElement | null;
}
interface MotionAnimation {
  playState: string;
  effect: { target?: MotionElement | null; getTiming(): { iterations?: number } } | null;
}
interface MotionDocument {
  querySelectorAll(selector: string): ArrayLike<MotionElement>;
  getAnimations(): MotionAnimation[];
}

/**
 * Runs in the page (one self-contained function: the pages' CSP forbids evaluating strings, and helpers are not
 * shipped along): whether no visible element is being animated, or, with `report`, what still moves:
 * - antd's motions (classes ant-…-enter/-appear/-leave);
 * - any finite CSS transition or animation still running: antd's reset gives every link `transition: color 0.3s`,
 *   so the active nav link's text fades to its colour while its white background is there at once, and a check
 *   mid-fade finds white text on white (seen in CI under load). Endless ones (spinners) never end and are skipped.
 * Hidden elements (an inactive tab's pane) are skipped: a motion started there never ends.
 */
function stillness(report: boolean): boolean | string[] {
  const doc = (globalThis as unknown as { document: MotionDocument }).document;
  const describe = (el: MotionElement) => el.getAttribute('class') || el.getAttribute('id') || '(element)';
  const candidates = doc.querySelectorAll('[class*="-leave"],[class*="-enter"],[class*="-appear"]');
  const moving = Array.from(candidates)
    .filter((el) => /\bant-[a-z-]+-(leave|enter|appear)\b/.test(el.getAttribute('class') ?? ''))
    // A button's loading spinner may stay in its leave class after the button is done (seen under load): it neither
    // fades a dialog nor hides text, so it does not hold the check up.
    .filter((el) => !/\bant-btn-loading-icon-motion-/.test(el.getAttribute('class') ?? ''))
    .filter((el) => el.checkVisibility())
    .map(describe);
  for (const a of doc.getAnimations()) {
    const target = a.effect?.target;
    if (a.playState !== 'running' || !target || !target.checkVisibility()) continue;
    if (a.effect?.getTiming().iterations === Infinity) continue;
    if (target.closest('.ant-btn-loading-icon')) continue;
    moving.push(`transition of ${describe(target)}`);
  }
  return report ? moving : moving.length === 0;
}

/**
 * Waits until nothing visible moves; says which elements still do when that takes too long. A dialog must be still
 * before a forced click in it: antd zooms it in from the button that opened it, and a position taken mid-zoom can
 * land outside it, on the mask, which closes the dialog.
 */
export async function waitForStillness(page: Page): Promise<void> {
  try {
    await page.waitForFunction(stillness, false, { timeout: 15_000 });
  } catch (e) {
    const moving = await page.evaluate(stillness, true).catch(() => ['(page gone)']);
    throw new Error(`still moving after 15 s: ${String(moving)}`, { cause: e });
  }
}

/** The page passes axe (no serious or critical finding) and is photographed at both viewports as `name`. */
export async function checkPage(page: Page, name: string): Promise<void> {
  // antd animates dialogs and messages in and out (classes ant-…-enter/-appear/-leave); a page checked mid-animation
  // has a half-faded mask (contrast) and a closing dialog (its name going): wait until nothing moves. On a loaded
  // machine the animation takes longer than its nominal 0.3 s.
  await waitForStillness(page);
  expect(await a11yFindings(page)).toEqual([]);
  await screenshots(page, name);
}

/**
 * The accessible name of an antd button whose text is `text`, as a whole: antd puts a space between two Chinese
 * characters ("保 存"), and a button that was just loading may keep antd's spinner (an img named "loading") in front
 * of its text after the request ended: under load its fade-out has been seen to stay for good (checkPage's stillness
 * ignores it for that reason), and the button's name is then "loading 保 存". `buttonName('保存')` matches
 * both, and not 保存窗口.
 */
export function buttonName(text: string): RegExp {
  const chars = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(?:loading\\s*)?${chars.join('\\s?')}$`);
}

/**
 * Ticks a box of an antd Checkbox.Group. The group drops a click that comes before its boxes registered their
 * values (a passive effect after they mount; its onChange keeps registered values only), so the box stays empty: a
 * person never clicks within that frame, a test on a loaded machine can (seen in CI right after the boxes appeared).
 * A click that did not take is made again.
 */
export async function tick(box: Locator): Promise<void> {
  await waitFor(
    async () => {
      if (await box.isChecked()) return true;
      await box.check({ timeout: 5_000 }).catch(() => undefined);
      return (await box.isChecked()) || undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100, what: 'the box ticked' },
  );
}
