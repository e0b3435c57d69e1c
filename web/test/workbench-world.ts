import type { Locator, Page, ProblemFilter, WatchedPage } from '@govhall/testing';
import { PASSWORD, type Staff } from '../../gateway/test/cases-stack';
import { buttonName, waitForStillness, type WebWorld } from './web-world';

/*
 * Helpers of the workbench's browser tests: a member of staff signed in through the workbench's own 登录 button,
 * antd's selects and dialogs driven as a clerk drives them, and the message shown at a form field.
 */

/** A new browser context with `who` signed in to the workbench at `path`. */
export async function staffPage(w: WebWorld, who: Staff, path = '', expected?: ProblemFilter): Promise<WatchedPage> {
  const watched = await w.open(expected ? { expected } : {});
  await w.visit(watched.page, 'workbench', path);
  await w.signIn(watched.page, 'workbench', w.login[who], PASSWORD);
  await watched.page.waitForLoadState('networkidle');
  return watched;
}

/** The open dialog titled `name`. */
export function dialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

/** Closes a viewer or dialog with its 关闭 button and waits until it is gone. */
export async function closeDialog(d: Locator): Promise<void> {
  await d
    .getByRole('button', { name: buttonName('关闭') })
    .first()
    .click();
  await d.waitFor({ state: 'hidden' });
}

/** Chooses `option` (its visible text) in the antd select labelled `label` inside `scope`. */
export async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  // A chosen value covers the input (antd draws it over): click through to the selector. A forced click skips
  // Playwright's check that the point hits the element: nothing may move first (a dialog zooming in).
  await waitForStillness(page);
  await scope.getByLabel(label, { exact: true }).click({ force: true });
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** The message antd shows under the form field labelled `label` inside `scope` (waits for it). */
export async function fieldError(scope: Locator, label: string): Promise<string> {
  const item = scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator(`label:text-is("${label}")`) })
    .first();
  const error = item.locator('.ant-form-item-explain-error').first();
  try {
    await error.waitFor();
  } catch {
    throw new Error(`no message at “${label}”; the page says: ${await scope.innerText()}`);
  }
  return error.innerText();
}

/**
 * Opens the act `button` on the case page; answers its dialog once it has zoomed in. A field of a dialog still
 * zooming is somewhere else a moment later: a forced click there (choose, chooseIn) hit the mask, which closes the
 * dialog (antd's maskClosable) and, with destroyOnHidden, its fields (seen in CI: the 当场办结 dialog found, its
 * 送达方式 never).
 */
export async function openAct(page: Page, button: RegExp | string, title: string | RegExp): Promise<Locator> {
  await page.getByRole('button', { name: button }).click();
  const d = dialog(page, title);
  await d.waitFor();
  await waitForStillness(page);
  return d;
}

/** Confirms the dialog with its `ok` button and waits for the page's message that the act was done. */
export async function confirmAct(page: Page, d: Locator, ok: RegExp | string, done: string): Promise<void> {
  await d.getByRole('button', { name: ok }).click();
  const success = page.getByRole('status').filter({ hasText: done });
  const refused = d.getByRole('alert');
  try {
    await success.or(refused).first().waitFor({ timeout: 45_000 });
  } catch {
    throw new Error(`no answer to the act; the dialog says: ${await d.innerText().catch(() => '(closed)')}`);
  }
  if (await refused.isVisible()) throw new Error(`the act was refused: ${await d.innerText()}`);
  await d.waitFor({ state: 'hidden' });
}

/** The case page's status tag text (under the title). */
export async function caseStatus(page: Page): Promise<string> {
  return (await page.locator('main .ant-tag').first().innerText()).trim();
}

/** Chooses `option` in the antd select `select` (a locator of its input, e.g. by id). */
export async function chooseIn(page: Page, select: Locator, option: string): Promise<void> {
  const item = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first();
  // A forced click (a chosen value covers the input) is not checked to hit the select: nothing may move first, or
  // it can land on a dialog's mask and close the dialog. A list slow to open is opened again.
  for (let attempt = 1; ; attempt += 1) {
    await waitForStillness(page);
    await select.click({ force: true });
    try {
      await item.waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  await item.click();
}
