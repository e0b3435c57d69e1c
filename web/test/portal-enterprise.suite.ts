import { newCreditCode } from '@govhall/testing';
import { caseActs, PASSWORD, YC } from '../../gateway/test/cases-stack';
import { checkPage, tick, type WebWorld, buttonName } from './web-world';
import { fieldError, fillFoodForm, uploadFoodMaterials } from './portal-world';

// An enterprise in the portal: the legal representative registers the company and grants an agent the market
// regulation department's items; the agent applies for 食品经营许可 in the company's name (以企业名义办理).

export function enterpriseTests(world: () => WebWorld): void {
  let w: WebWorld;
  const acts = caseActs(() => w);

  beforeAll(async () => {
    w = world();
  }, 240_000);

  afterAll(async () => {});

  const isCreditCodeRefusal = (p: { kind: string; message: string; url?: string }) =>
    p.kind === 'http' && p.message === 'POST 400' && /\/identity\/legal-persons$/.test(p.url ?? '');

  it('the legal representative registers the company and grants an agent, who applies in the company’s name', async () => {
    const holder = await w.newApplicant('周法人');
    const agent = await w.newApplicant('冯经办');
    const company = '永昌县周氏餐饮有限公司';
    const creditCode = newCreditCode(YC);

    // The holder: the company, a wrong credit code first (refused at its field by the identity service).
    const h = await w.open({ expected: isCreditCodeRefusal });
    await w.visit(h.page, 'portal', 'enterprise');
    await w.signIn(h.page, 'portal', holder.idNumber, PASSWORD);
    await h.page.getByLabel('单位名称').fill(company);
    await h.page
      .getByLabel('统一社会信用代码')
      .fill(`${creditCode.slice(0, 17)}${creditCode.endsWith('0') ? '1' : '0'}`);
    await h.page.getByRole('button', { name: '登记企业' }).click();
    expect(await fieldError(h.page, '统一社会信用代码')).toMatch(/校验/);
    await h.page.getByLabel('统一社会信用代码').fill(creditCode);
    await h.page.getByRole('button', { name: '登记企业' }).click();
    const card = h.page.locator('.ant-card', { hasText: `统一社会信用代码：${creditCode}` });
    await card.waitFor();

    // The grant: the agent's ID number, the market regulation department.
    await card.getByLabel('经办人身份证号码').fill(agent.idNumber);
    await tick(card.getByRole('checkbox', { name: '永昌县市场监督管理局' }));
    await card.getByRole('button', { name: '授权经办人' }).click();
    await card.locator('.ant-list-item', { hasText: '冯经办' }).waitFor();
    expect(await card.locator('.ant-list-item', { hasText: '冯经办' }).innerText()).toContain('永昌县市场监督管理局');
    await checkPage(h.page, 'portal-enterprise');
    expect(h.problems.list()).toEqual([]);

    // The agent applies for the company.
    const a = await w.open();
    await w.visit(a.page, 'portal', `apply/${w.food.id}`);
    await w.signIn(a.page, 'portal', agent.idNumber, PASSWORD);
    await a.page.getByRole('radio', { name: `以企业名义办理：${company}` }).check();
    await a.page.getByRole('button', { name: '开始填写申请' }).click();
    await a.page.locator('#apply_operator_name').waitFor();
    expect(await a.page.getByRole('alert').first().innerText()).toContain(`申请人：${company}（经办人 冯经办）`);
    await fillFoodForm(a.page, {
      operatorName: company,
      creditCode,
      representative: holder,
      phone: '13909351234',
    });
    await uploadFoodMaterials(a.page);
    await a.page.getByRole('button', { name: '提交申请' }).click();
    await a.page.getByText('申请已提交，等待窗口预审').waitFor({ timeout: 30_000 });
    const info = await a.page.locator('.ant-card', { hasText: '办件信息' }).innerText();
    expect(info).toContain(company);
    expect(info).toContain('冯经办');
    await checkPage(a.page, 'portal-case-agent');

    const caseId = new URL(a.page.url()).pathname.split('/').pop()!;
    const c = await acts.get(caseId, await agent.token());
    expect(c).toMatchObject({
      status: 'pre_review',
      applicant: { name: company, idCode: creditCode, agentName: '冯经办', agentPersonId: agent.personId },
    });
    // A legal person or another organisation, as the credit code's category says: never the agent themself.
    expect(['legal_person', 'other_organisation']).toContain(c.applicant.kind);
    expect(a.problems.list()).toEqual([]);

    // The holder revokes the grant; the agent can no longer open an application in the company's name.
    await h.page.reload();
    const grant = card.locator('.ant-list-item', { hasText: '冯经办' });
    await grant.getByRole('button', { name: '撤销授权' }).click();
    await h.page
      .getByRole('tooltip', { name: /撤销对冯经办的授权/ })
      .getByRole('button', { name: buttonName('撤销') })
      .click();
    await card.getByText('尚未授权经办人。').waitFor();
    await checkPage(h.page, 'portal-enterprise-revoked');
    const refused = await w.api('POST', '/cases', {
      token: await agent.token(),
      headers: { 'idempotency-key': `after-revoke-${Date.now()}` },
      body: { itemId: w.food.id, onBehalfOf: c.applicant.personId, formData: {} },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(h.problems.list()).toEqual([]);
  }, 300_000);
}
