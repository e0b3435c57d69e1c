import { jointReviewV1 } from '@govhall/proto';
import { DEMO_PASSWORD, type PageProblem } from '@govhall/testing';
import { JointWorld, RSJ, TENANT, ZRZY } from '../../services/joint-review/test/joint-world';
import { fieldError } from './admin-org-world';
import { browserAt, buttonName, checkPage, type BrowserAt } from './web-world';

// 联办设置 in the admin console, in a real browser against the real stack (identity, catalogue, cases service,
// joint-review and the gateway serving the built apps): 永昌县's center administrator sets 首办负责 and the delegated
// budgets, then configures the joint item's flow — first naming a department that is not a co-department (refused at
// its field, in Chinese), then a serial flow of the two co-departments. Each outcome is read back from the service.

const pb = jointReviewV1;
const STHJ = `${TENANT}-STHJ`;
const world = new JointWorld();
let web: BrowserAt;

/** This world runs no supervision; the flow's refusal is provoked on purpose. */
const expected = (p: PageProblem) => {
  const at = `${p.url ?? ''} ${p.message}`;
  return at.includes('/api/v1/supervision/') || (p.kind === 'http' && /\/api\/v1\/joint-review\/flows\//.test(at));
};

beforeAll(async () => {
  await world.start();
  web = await browserAt(new URL(await world.startGateway()).origin);
}, 400_000);
afterAll(async () => {
  await web?.close();
  await world.stop();
}, 120_000);

it('the center sets the lead rule and budgets, and a serial flow for its joint item; a non-co-department is refused at its field', async () => {
  const { page } = await web.open({ expected });
  await web.visit(page, 'admin', 'joint');
  await web.signIn(page, 'admin', 'yc-admin', DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: '联办设置' }).waitFor();
  await page.getByText('尚未设置，以下为默认值。').waitFor();
  await checkPage(page, 'admin-joint-settings');

  // The settings: 首办负责, a default budget of 4 working days, a reply budget of 2.
  await page.getByLabel('首办负责').check();
  await page.locator('#settings_defaultReviewWorkingDays').fill('4');
  await page.locator('#settings_delegatedReplyWorkingDays').fill('2');
  await page.getByRole('button', { name: buttonName('保存设置') }).click();
  await page.getByText('联办设置已保存').waitFor();
  const admin = await world.cases.adminToken();
  const { settings } = await world.call<
    jointReviewV1.GetJointReviewSettingsRequest,
    jointReviewV1.GetJointReviewSettingsResponse
  >('getJointReviewSettings', { tenant: TENANT }, admin);
  expect(settings).toMatchObject({
    leadRule: pb.LeadRule.LEAD_RULE_FIRST_RECEIVING_WINDOW,
    defaultReviewWorkingDays: 4,
    delegatedReplyWorkingDays: 2,
    version: 1,
  });

  // The item's flow: the default (both co-departments in parallel with the new default budget).
  await page.getByRole('link', { name: `配置流程：${world.item.name}` }).click();
  await page.getByRole('heading', { level: 1, name: '联办流程' }).waitFor();
  await page.getByText('尚未配置：全部协办部门并联审查，时限为默认审查时限。').waitFor();
  expect(await page.locator('#flow_participants_0_department').inputValue()).toBe(RSJ);
  expect(await page.locator('#flow_participants_1_department').inputValue()).toBe(ZRZY);
  expect(await page.locator('#flow_participants_1_budgetWorkingDays').inputValue()).toBe('4');
  await checkPage(page, 'admin-joint-flow-default');

  // A department the item does not name is refused at its field.
  await page.locator('#flow_participants_1_department').selectOption(STHJ);
  await page.getByRole('button', { name: buttonName('保存流程') }).click();
  expect(await fieldError(page, 'flow_participants_1_department')).toBe('该部门不是本事项的协办部门');
  await checkPage(page, 'admin-joint-flow-refused');

  // The serial flow: 人社局 first, then 自然资源局 (征求意见), three working days each.
  await page.locator('#flow_participants_1_department').selectOption(ZRZY);
  await page.getByRole('button', { name: buttonName('按顺序串联') }).click();
  await page.locator('#flow_participants_0_budgetWorkingDays').fill('3');
  await page.locator('#flow_participants_1_budgetWorkingDays').fill('3');
  await page.getByLabel('征求意见').nth(1).check();
  await page.locator('#flow_participants_0_formFieldsText').fill('shop.name, shop.address');
  await page.getByRole('button', { name: buttonName('保存流程') }).click();
  await page.getByText('联办流程已保存').waitFor();
  await page.getByText('已配置', { exact: true }).waitFor();
  await checkPage(page, 'admin-joint-flow-saved');
  const { flow } = await world.call<jointReviewV1.GetJointFlowRequest, jointReviewV1.GetJointFlowResponse>(
    'getJointFlow',
    { tenant: TENANT, itemSeriesId: world.item.seriesId },
    admin,
  );
  expect(flow).toMatchObject({ configured: true, version: 1 });
  expect(flow!.participants.map((p) => [p.department, p.stage, p.budgetWorkingDays, p.required, p.formFields])).toEqual(
    [
      [RSJ, 1, 3, true, ['shop.name', 'shop.address']],
      [ZRZY, 2, 3, false, []],
    ],
  );

  // Back on the settings page the item shows its configured serial flow.
  await page.getByRole('link', { name: '返回联办设置' }).click();
  await page.getByText('已配置（串联，2个部门）').waitFor();
});
