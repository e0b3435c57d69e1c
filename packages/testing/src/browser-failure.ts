import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './stack';

/**
 * What a browser test leaves behind when it fails: a screenshot of the page as it was, the page's HTML, and a short
 * report (URL, viewport, focused element, every dialog with its name, visibility and classes, elements antd is still
 * animating) that is also printed, so that a failure seen only in CI can be understood from its log and files.
 */

/** Where a failure's files go: `$GOVHALL_STATE/failures/<file-safe test name>.{png,html,txt}`. */
export function failurePath(
  testName: string,
  ext: 'png' | 'html' | 'txt',
  stateDir = process.env.GOVHALL_STATE,
): string {
  const base =
    testName
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'test';
  return path.join(stateDir ?? path.join(REPO_ROOT, '.stack'), 'failures', `${base}.${ext}`);
}

/** One dialog of the page as the report describes it. */
export interface DialogState {
  name: string;
  visible: boolean;
  classes: string;
  html: string;
}

/** The page's state at the moment of a failure. */
export interface PageState {
  url: string;
  viewport: string;
  focused: string;
  dialogs: DialogState[];
  moving: string[];
}

interface StateElement {
  getAttribute(name: string): string | null;
  checkVisibility(): boolean;
  outerHTML: string;
  tagName: string;
  id: string;
  ownerDocument: { getElementById(id: string): { textContent: string | null } | null };
  closest(selector: string): StateElement | null;
}
interface StateDocument {
  querySelectorAll(selector: string): ArrayLike<StateElement>;
  activeElement: StateElement | null;
}

/**
 * Runs in the page (self-contained: the pages' CSP forbids evaluating strings): the dialogs (role=dialog) with their
 * accessible name as aria-labelledby / aria-label give it, their wrapper's classes (antd's -enter/-leave motion),
 * and whatever antd is animating.
 */
function readPageState(): Omit<PageState, 'url' | 'viewport'> {
  const doc = (globalThis as unknown as { document: StateDocument }).document;
  const nameOf = (el: StateElement): string => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy)
      return labelledBy
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    return el.getAttribute('aria-label') ?? '';
  };
  const dialogs = Array.from(doc.querySelectorAll('[role="dialog"]')).map((el) => {
    const wrapper = el.closest('.ant-modal-wrap') ?? el;
    return {
      name: nameOf(el),
      visible: el.checkVisibility(),
      classes: `${wrapper.getAttribute('class') ?? ''} | ${el.getAttribute('class') ?? ''}`,
      html: el.outerHTML,
    };
  });
  const moving = Array.from(doc.querySelectorAll('[class*="-leave"],[class*="-enter"],[class*="-appear"]'))
    .filter((el) => /\bant-[a-z-]+-(leave|enter|appear)\b/.test(el.getAttribute('class') ?? ''))
    .map((el) => `${el.checkVisibility() ? 'visible' : 'hidden'}: ${el.getAttribute('class') ?? ''}`);
  const active = doc.activeElement;
  const focused = active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}` : '(none)';
  return { focused, dialogs, moving };
}

/** Reads the page's state (see PageState); a page that is gone says so instead of failing. */
export async function pageState(page: Page): Promise<PageState> {
  const size = page.viewportSize();
  const viewport = size ? `${size.width}×${size.height}` : '(unknown)';
  const url = page.isClosed() ? '(closed)' : page.url();
  const inPage = await page
    .evaluate(readPageState)
    .catch((e: unknown) => ({ focused: `(page not readable: ${String(e)})`, dialogs: [], moving: [] }));
  return { url, viewport, ...inPage };
}

/** The report's text: one line per fact, a dialog's HTML left to the .html file. */
export function describePageState(state: PageState): string {
  const lines = [
    `url: ${state.url}`,
    `viewport: ${state.viewport}`,
    `focused: ${state.focused}`,
    `dialogs: ${state.dialogs.length}`,
    ...state.dialogs.map((d, i) => `  [${i}] "${d.name}" ${d.visible ? 'visible' : 'hidden'} (${d.classes})`),
    `moving: ${state.moving.length === 0 ? 'nothing' : ''}`,
    ...state.moving.map((m) => `  ${m}`),
  ];
  return lines.join('\n');
}

/**
 * Saves the page's state for `testName`: screenshot (what is on screen, not the full length: the full-length shot
 * resizes the viewport, which could change the very state being recorded), the page's HTML, the report. Returns the
 * report with the files' paths. Never throws: a failure's record must not hide the failure.
 */
export async function recordPageState(page: Page, testName: string): Promise<string> {
  const files = {
    png: failurePath(testName, 'png'),
    html: failurePath(testName, 'html'),
    txt: failurePath(testName, 'txt'),
  };
  try {
    await mkdir(path.dirname(files.png), { recursive: true });
    const state = await pageState(page);
    const report = `${describePageState(state)}\nfiles: ${files.png} ${files.html}`;
    await writeFile(files.txt, `${testName}\n${report}\n`);
    const html = await page.content().catch((e: unknown) => `(page content not readable: ${String(e)})`);
    await writeFile(files.html, html);
    await page.screenshot({ path: files.png, animations: 'disabled', timeout: 10_000 }).catch(() => undefined);
    return report;
  } catch (e) {
    return `(page state not recorded: ${String(e)})`;
  }
}

/** jest-circus's state as it keeps it on the test file's global (its errors tell whether the running test failed). */
interface CircusState {
  currentlyRunningTest?: { errors: unknown[] } | null;
}

/**
 * Whether the test now running (read in its afterEach) has failed. jest offers no public way to ask; jest-circus
 * keeps its state on the test file's global under a symbol described 'JEST_STATE_SYMBOL' (not a registered one:
 * found by its description), the running test with the errors it threw. When that is not there (another runner),
 * says false: the record is then simply not made.
 */
export function currentTestFailed(): boolean {
  const global = globalThis as unknown as Record<symbol, CircusState | undefined>;
  const key = Object.getOwnPropertySymbols(global).find((s) => s.description === 'JEST_STATE_SYMBOL');
  const errors = key ? global[key]?.currentlyRunningTest?.errors : undefined;
  return Array.isArray(errors) && errors.length > 0;
}

/**
 * Registers an afterEach that, when the test failed, records the state of the pages `pages()` returns (the pages
 * open at that moment; none yet is fine) and prints the report. Call it once at the top of a browser test file.
 */
export function recordPagesOnFailure(pages: () => readonly (Page | undefined)[]): void {
  afterEach(async () => {
    if (!currentTestFailed()) return;
    const name = expect.getState().currentTestName ?? 'test';
    const open = pages().filter((p): p is Page => p !== undefined && !p.isClosed());
    for (const [i, page] of open.entries()) {
      const report = await recordPageState(page, open.length > 1 ? `${name} page ${i + 1}` : name);
      process.stderr.write(`Browser test failed: ${name}\n${report}\n`);
    }
  });
}
