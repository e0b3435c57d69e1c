import type { Locator, Page } from '@govhall/testing';
import { FOOD_FILES, PDF } from '../../gateway/test/cases-stack';

/*
 * What the portal's browser tests do again and again: read the message under a form field, pick an antd option,
 * fill the 食品经营许可 form as an applicant types it, and give a material its files through the page's chooser.
 */

/** The form item (antd) whose label reads `label`. */
export function formItem(page: Page | Locator, label: string | RegExp): Locator {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.locator('.ant-form-item-label label', { hasText: label }) })
    .first();
}

/** The error shown under the field labelled `label` (waits for it). */
export async function fieldError(page: Page | Locator, label: string | RegExp): Promise<string> {
  const error = formItem(page, label).locator('.ant-form-item-explain-error');
  await error.first().waitFor({ timeout: 15_000 });
  return (await error.allInnerTexts()).join('；');
}

/** The error under an item-form field by its rjsf id (`apply_operator_creditCode`). */
export async function itemFieldError(page: Page, id: string): Promise<string> {
  const error = page
    .locator(`#${id}`)
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-form-item ")][1]')
    .locator('.ant-form-item-explain-error');
  try {
    await error.first().waitFor({ timeout: 15_000 });
  } catch (e) {
    const alerts = await page.getByRole('alert').allInnerTexts();
    const errors = await page.locator('.ant-form-item-explain-error').allInnerTexts();
    throw new Error(`no message at ${id}; alerts: ${alerts.join(' | ')}; field errors: ${errors.join(' | ')}`, {
      cause: e,
    });
  }
  return (await error.allInnerTexts()).join('；');
}

/** Opens the antd Select `trigger` and clicks the option titled `option`. */
export async function pick(page: Page, trigger: Locator, option: string): Promise<void> {
  await trigger.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

export interface FoodValues {
  operatorName: string;
  creditCode: string;
  representative: { name: string; idNumber: string };
  phone: string;
}

/** Types the 食品经营许可 application into the item form (ids `apply_<path>`). */
export async function fillFoodForm(page: Page, v: FoodValues): Promise<void> {
  const fill = (path: string, value: string) => page.locator(`#apply_${path}`).fill(value);
  await fill('operator_name', v.operatorName);
  await fill('operator_creditCode', v.creditCode);
  await fill('operator_legalRepresentative', v.representative.name);
  await fill('operator_phone', v.phone);
  await fill('operator_address', '永昌县城关镇北海子路1号');
  await fill('legalRepresentative_name', v.representative.name);
  await fill('legalRepresentative_idNumber', v.representative.idNumber);
  await fill('legalRepresentative_phone', '13909351234');
  await fill('premises_address', '永昌县城关镇北海子路1号');
  await fill('premises_area', '36.5');
  await pick(page, page.locator('#apply_business_mainType'), '食品销售经营者');
  await pick(page, page.locator('#apply_business_items'), '散装食品销售');
  await page.keyboard.press('Escape');
  await fill('business_foodSafetyManager', '李管理');
}

/** The row of a material on the apply or case page. */
export const materialRow = (page: Page, materialId: string) => page.locator(`[data-material="${materialId}"]`);

/** Chooses `files` for the material through its file chooser (the page checks, then uploads them). */
export async function chooseFiles(
  page: Page,
  materialId: string,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  await materialRow(page, materialId).locator('input[type=file]').setInputFiles(files);
}

/** Uploads one file to the material and waits until the page lists it as stored. */
export async function uploadMaterial(page: Page, materialId: string, name: string, buffer: Buffer): Promise<void> {
  const mimeType = name.endsWith('.png') ? 'image/png' : 'application/pdf';
  await chooseFiles(page, materialId, [{ name, mimeType, buffer }]);
  await materialRow(page, materialId).locator('.material-files li', { hasText: name }).waitFor({ timeout: 30_000 });
}

/** Every food-licence material, one file each, through the page. */
export async function uploadFoodMaterials(page: Page): Promise<void> {
  for (const [materialId, name, bytes] of FOOD_FILES) await uploadMaterial(page, materialId, name, bytes);
}

export { PDF };
