import { caseActs, PASSWORD, type Applicant } from '../../gateway/test/cases-stack';
import { checkPage, startWebWorld, type WebWorld, buttonName } from './web-world';

// The portal with data, through its own login: an applicant whose food licence was submitted logs in with the
// portal's 登录 button on Keycloak's page (PKCE, code exchanged by the page itself), finds the case in 我的办件 and
// withdraws it; a draft is deleted from its editor.

let w: WebWorld;
const acts = caseActs(() => w);
let applicant: Applicant;

beforeAll(async () => {
  w = await startWebWorld();
  applicant = await w.newApplicant('钱门户');
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

it('an applicant logs in through the portal and follows a submitted case in 我的办件', async () => {
  const submitted = await acts.submitted(applicant);
  const { page, problems } = await w.open();

  await w.visit(page, 'portal', 'my');
  await page.getByText('登录后可查看您的办件。').waitFor();
  await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
  expect(new URL(page.url()).pathname).toBe('/my');
  expect(await page.locator('header').first().innerText()).toContain('钱门户');

  const row = page.getByRole('link', { name: '食品经营许可' });
  await row.waitFor();
  const listed = await page.locator('.ant-list-item').first().innerText();
  expect(listed).toContain(`办件编号：${submitted.caseNumber}`);
  expect(listed).toContain('待预审');
  await checkPage(page, 'portal-my-cases');

  await row.click();
  await page.getByRole('heading', { level: 1, name: /食品经营许可/ }).waitFor();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('食品经营许可');
  expect(await page.locator('main').innerText()).toContain(submitted.caseNumber);
  await checkPage(page, 'portal-case');

  // The applicant withdraws it: a reason is required (said at its field), then the case ends.
  await page.getByRole('button', { name: '撤回申请' }).click();
  const dialog = page.getByRole('dialog', { name: '撤回申请' });
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await dialog.getByText('请填写撤回原因').waitFor();
  expect(await dialog.getByLabel('撤回原因').getAttribute('aria-invalid')).toBe('true');
  await dialog.getByLabel('撤回原因').fill('经营场所变更，重新申请');
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('main .ant-tag', { hasText: '已撤回' }).first().waitFor();
  expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);
  await checkPage(page, 'portal-case-withdrawn');
  expect((await acts.get(submitted.id, await applicant.token())).status).toBe('withdrawn');

  // A draft never submitted is deleted from its editor (asked once more), and leaves the drafts.
  const draft = await acts.draft(applicant, w.food.id, {}, []);
  await w.visit(page, 'portal', 'my?list=drafts');
  await page.getByRole('link', { name: '食品经营许可' }).click();
  await page.getByRole('link', { name: '继续填写' }).click();
  await page.getByRole('button', { name: '删除草稿' }).click();
  await page
    .getByRole('tooltip', { name: /删除这份草稿/ })
    .getByRole('button', { name: buttonName('删除') })
    .click();
  await page.getByRole('status').filter({ hasText: '已删除“食品经营许可”的草稿' }).waitFor();
  expect(new URL(page.url()).search).toBe('?list=drafts');
  await page.getByText('没有草稿的办件').waitFor();
  await checkPage(page, 'portal-draft-deleted');
  expect((await acts.get(draft.id, await applicant.token())).status).toBe('voided');

  expect(problems.list()).toEqual([]);
});
