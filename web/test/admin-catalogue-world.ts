import type { Locator, Page, PageProblem } from '@govhall/testing';

/*
 * Helpers of the admin console's catalogue tests: antd form fields found by their label, the message under a
 * field, the editor's tabs.
 */

/** The antd form item (label, control, message) whose control is labelled exactly `label`, inside `within`. */
export function formItem(within: Page | Locator, label: string): Locator {
  const page = 'page' in within ? within.page() : within;
  return within
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .last();
}

/** The message shown under the field labelled `label`: waits for one (matching `expected` when given). */
export async function fieldError(within: Page | Locator, label: string, expected?: RegExp | string): Promise<string> {
  const errors = formItem(within, label).locator('.ant-form-item-explain-error');
  const error = (expected === undefined ? errors : errors.filter({ hasText: expected })).first();
  await error.waitFor({ timeout: 15_000 });
  return error.innerText();
}

/** No message under the field labelled `label` (waits until it is gone). */
export async function noFieldError(within: Page | Locator, label: string): Promise<void> {
  await formItem(within, label).locator('.ant-form-item-explain-error').first().waitFor({ state: 'detached' });
}

/** Opens the editor's tab named `name`. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tabpanel', { name }).waitFor();
}

/** The answers a catalogue flow provokes on purpose (a refused save, submit or self-review), and only those. */
export const expectedRefusals =
  (...paths: RegExp[]) =>
  (problem: PageProblem): boolean =>
    problem.kind === 'http' &&
    /^(PUT|POST) (400|409)$/.test(problem.message) &&
    paths.some((p) => p.test(problem.url ?? ''));
