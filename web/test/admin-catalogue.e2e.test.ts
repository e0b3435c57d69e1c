import { uniqueSuffix } from '@govhall/testing';
import { PASSWORD, YC } from '../../gateway/test/cases-stack';
import { expectedRefusals, fieldError, formItem, noFieldError, openTab } from './admin-catalogue-world';
import { checkPage, startWebWorld, type WebWorld } from './web-world';

// The admin console's catalogue, through its own login: a center administrator of 永昌县 opens the seed's
// 食品经营许可, starts a new edition, adds a field to its form in the form builder (a broken JSON and an invalid
// schema first: the problem shows under the editor), sees it in the live preview, tries a wrong limit (the
// catalogue's message at the field), submits; a reviewer (another person: four eyes) sees the diff and publishes;
// the public API then serves the new form, the published edition's preview renders the new field, and an applicant
// applying on the portal fills it in.

let w: WebWorld;
/** A center administrator of 永昌县 of this run (the realm's shared yc-admin may be locked by others' failed logins). */
let adminLogin: string;

beforeAll(async () => {
  w = await startWebWorld();
  adminLogin = `a${uniqueSuffix().slice(-6)}-admin`;
  const created = await w.api('POST', '/identity/staff', {
    token: await w.token('admin'),
    body: {
      tenant: YC,
      username: adminLogin,
      displayName: '目录管理测试',
      phone: '13909351234',
      roles: ['center_admin'],
      initialPassword: PASSWORD,
      permanentPassword: true,
    },
  });
  expect(created.status).toBe(201);
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

const NEW_FIELD = '仓储面积（平方米）';

it('an administrator changes 食品经营许可 in the form builder, submits, and a reviewer publishes it', async () => {
  // ── the administrator ──
  const admin = await w.open({
    expected: expectedRefusals(
      /\/api\/v1\/catalogue\/items$/,
      /\/api\/v1\/catalogue\/items\/[0-9a-f-]{36}\/(submit|review)$/,
    ),
  });
  const page = admin.page;
  await w.visit(page, 'admin', 'catalogue');
  await page.getByText('管理后台仅供政务服务中心管理人员使用，请先登录。').waitFor();
  await w.signIn(page, 'admin', adminLogin, PASSWORD);
  expect(new URL(page.url()).pathname).toBe('/admin/catalogue');

  await page.getByRole('heading', { level: 1, name: '事项目录' }).waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  expect(await page.locator('main').innerText()).toMatch(/共 \d+ 条/);
  await page.getByLabel('搜索事项').fill('食品经营');
  await page.getByRole('link', { name: '食品经营许可', exact: true }).waitFor();
  await rows.filter({ hasNotText: '食品经营' }).first().waitFor({ state: 'detached' });
  await checkPage(page, 'admin-catalogue-list');

  // A new item: nothing filled in, then the basic code of an existing item, are refused in the dialog; a free code
  // creates edition 1 as a draft and opens it in the editor.
  await page.getByRole('button', { name: '新建事项' }).click();
  const dialog = page.getByRole('dialog', { name: '新建事项' });
  await dialog.getByRole('button', { name: '创建并编辑' }).click();
  expect(await fieldError(dialog, '事项名称', '请填写')).toBe('请填写事项名称');
  expect(await fieldError(dialog, '实施部门', '请选择')).toBe('请选择实施部门');
  await dialog.getByLabel('事项名称', { exact: true }).fill('小餐饮经营许可');
  await dialog.getByLabel('基本编码', { exact: true }).fill('000117012000');
  await dialog.getByLabel('实施部门', { exact: true }).click();
  await page.locator('.ant-select-item-option[title="永昌县市场监督管理局"]').click();
  await dialog.getByRole('button', { name: '创建并编辑' }).click();
  expect(await fieldError(dialog, '基本编码', '新建版本')).toBe(
    '本级已有基本编码为 000117012000 的事项，同一事项只能有一个；如需调整，请在原事项上新建版本',
  );
  await checkPage(page, 'admin-catalogue-new-item');
  await dialog.getByLabel('基本编码', { exact: true }).fill(`9${String(Date.now()).slice(-11)}`);
  await dialog.getByRole('button', { name: '创建并编辑' }).click();
  await page.getByRole('heading', { level: 1, name: '小餐饮经营许可' }).waitFor();
  await page.getByText('第 1 版').waitFor();
  expect(await page.locator('main .ant-tag').first().innerText()).toBe('草稿');

  await page.getByRole('link', { name: '事项目录', exact: true }).click();
  await page.getByLabel('搜索事项').fill('食品经营');
  await page.getByRole('link', { name: '食品经营许可', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  expect(await page.locator('main').innerText()).toContain('本版本已发布');
  await checkPage(page, 'admin-catalogue-published');

  await page.getByRole('button', { name: '新建版本' }).click();
  await page.getByText('第 2 版').waitFor();
  expect(await page.locator('main .ant-tag').first().innerText()).toBe('草稿');
  const draftId = new URL(page.url()).pathname.split('/').at(-1)!;
  expect(draftId).toMatch(/^[0-9a-f-]{36}$/);

  // A wrong input: no name → the message under the name, nothing saved.
  const name = page.getByLabel('事项名称', { exact: true });
  await name.fill('');
  await page.getByRole('button', { name: '保存草稿' }).click();
  expect(await fieldError(page, '事项名称', '请填写事项名称')).toBe('请填写事项名称');
  await name.fill('食品经营许可');
  await noFieldError(page, '事项名称');
  await checkPage(page, 'admin-catalogue-draft');

  // The form builder: broken JSON, then an invalid schema, each shown under the editor; then the new field.
  await openTab(page, '表单设计');
  const schemaText = page.getByLabel('表单结构（JSON Schema）', { exact: true });
  const original = await schemaText.inputValue();
  const schema = JSON.parse(original) as { properties: Record<string, unknown> };
  expect(schema.properties).not.toHaveProperty('storageArea');
  await schemaText.fill(original.replace(/\}\s*$/, ''));
  expect(await fieldError(page, '表单结构（JSON Schema）', '不是有效的 JSON')).toMatch(/^不是有效的 JSON/);
  await page.getByText('表单定义有误，改正后显示预览').waitFor();

  // JSON, but a field type JSON Schema does not have: said under the editor as it is typed.
  schema.properties.storageArea = { type: 'numbr', title: NEW_FIELD };
  await schemaText.fill(JSON.stringify(schema, null, 2));
  expect(await fieldError(page, '表单结构（JSON Schema）', 'properties.storageArea.type')).toBe(
    'properties.storageArea.type：类型只能是 string、number、integer、boolean、object、array 或 null',
  );

  // A misspelt keyword only the catalogue's full check finds: submitting (from another tab) saves the draft, the
  // catalogue refuses the submit, and its message stands under the schema editor, whose tab opens.
  schema.properties.storageArea = { type: 'number', title: NEW_FIELD, minimun: 1 };
  await schemaText.fill(JSON.stringify(schema, null, 2));
  await noFieldError(page, '表单结构（JSON Schema）');
  await openTab(page, '基本信息');
  await page.getByRole('button', { name: '提交审核' }).click();
  expect(await fieldError(page, '表单结构（JSON Schema）', 'properties.storageArea.minimun')).toBe(
    '表单模式 properties.storageArea.minimun：未知的关键字“minimun”（请检查拼写）',
  );
  expect(await page.getByRole('tab', { name: '表单设计', exact: true }).getAttribute('aria-selected')).toBe('true');

  schema.properties.storageArea = { type: 'number', title: NEW_FIELD, minimum: 1 };
  await schemaText.fill(JSON.stringify(schema, null, 2));
  await noFieldError(page, '表单结构（JSON Schema）');
  // The live preview (the shared ItemForm, the portal's renderer) shows the new field.
  const preview = page.getByRole('region', { name: '表单预览' });
  await preview.locator('#preview_storageArea').waitFor();
  expect(await formItem(preview, NEW_FIELD).count()).toBe(1);
  await checkPage(page, 'admin-form-builder');

  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('草稿已保存').waitFor();

  // A wrong limit: promised beyond statutory (10 working days) — the catalogue refuses the submit, at the field.
  await openTab(page, '时限与收费');
  const promised = page.getByLabel('承诺办结时限（天数）', { exact: true });
  await promised.fill('12');
  await page.getByRole('button', { name: '提交审核' }).click();
  expect(await fieldError(page, '承诺办结时限（天数）', '法定时限')).toBe('承诺时限（12天）不能超过法定时限（10天）');
  expect(await page.getByRole('tab', { name: '时限与收费', exact: true }).getAttribute('aria-selected')).toBe('true');
  await checkPage(page, 'admin-catalogue-limit-error');
  await promised.fill('5');
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByText('已提交审核，审核通过后发布').waitFor();
  expect(await page.locator('main .ant-tag').first().innerText()).toBe('待审核');

  // Four eyes: the author may not review the edition; the catalogue says so.
  await w.visit(page, 'admin', `reviews/${draftId}`);
  await page.getByText('您编辑或提交了本版本，按四眼原则应由另一名审核人员审核。').waitFor();
  await page.getByRole('button', { name: '审核通过并发布' }).click();
  await page.getByRole('alert').filter({ hasText: '不能审核本人起草、修改或提交的事项版本' }).waitFor();
  expect(admin.problems.list()).toEqual([]);

  // ── the reviewer ──
  const reviewer = await w.open({ expected: () => false });
  const rp = reviewer.page;
  await w.visit(rp, 'admin', 'reviews');
  await w.signIn(rp, 'admin', w.login.reviewer, PASSWORD);
  await rp.getByRole('heading', { level: 1, name: '审核发布' }).waitFor();
  await rp.getByRole('link', { name: '食品经营许可', exact: true }).click();
  await rp.getByRole('heading', { level: 1, name: '审核：食品经营许可' }).waitFor();
  const diff = rp.locator('.edition-diff');
  await diff.getByText('电子表单 › 表单结构（JSON Schema）').waitFor();
  expect(await diff.innerText()).toContain(`"title": "${NEW_FIELD}"`);
  await rp.locator('#review_storageArea').waitFor();
  await checkPage(rp, 'admin-review');

  // Returning needs reasons: said at the field.
  await rp.getByRole('button', { name: '退回修改' }).click();
  expect(await fieldError(rp, '审核意见', '退回修改')).toBe('退回修改时请写明理由（2～500 字）');
  await rp.getByRole('button', { name: '审核通过并发布' }).click();
  await rp.getByText('审核通过，本版本已发布，公众即日起按此版本办理。').waitFor();
  expect(await rp.locator('main .ant-tag').first().innerText()).toBe('已发布');
  // The published edition's form, rendered by the shared ItemForm (the portal's renderer), has the new field.
  expect(await formItem(rp, NEW_FIELD).count()).toBeGreaterThan(0);
  expect(reviewer.problems.list()).toEqual([]);

  // ── the public ──
  const published = await fetch(`${w.origin}/api/v1/catalogue/published/${draftId}`);
  expect(published.status).toBe(200);
  const item = (await published.json()) as { edition: number; content: { form: { jsonSchema: string } } };
  expect(item.edition).toBe(2);
  expect(JSON.parse(item.content.form.jsonSchema).properties.storageArea).toEqual({
    type: 'number',
    title: NEW_FIELD,
    minimum: 1,
  });
  // An applicant applying on the portal fills in the new form: the new field is there, at its place.
  const applicant = await w.newApplicant('冯新版');
  const visitor = await w.open();
  await w.visit(visitor.page, 'portal', `items/${draftId}`);
  await visitor.page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  await checkPage(visitor.page, 'portal-guide-new-edition');
  await w.signIn(visitor.page, 'portal', applicant.idNumber, PASSWORD);
  await visitor.page.getByRole('button', { name: '在线申报' }).click();
  await visitor.page.getByRole('heading', { name: '在线申报：食品经营许可' }).waitFor();
  await visitor.page.getByRole('radio', { name: /以个人名义办理/ }).check();
  await visitor.page.getByRole('button', { name: '开始填写申请' }).click();
  const storage = visitor.page.locator('#apply_storageArea');
  await storage.waitFor();
  expect(await visitor.page.locator('label[for="apply_storageArea"]').innerText()).toContain(NEW_FIELD);
  await storage.fill('120');
  await checkPage(visitor.page, 'portal-apply-new-edition');
  expect(visitor.problems.list()).toEqual([]);
}, 420_000);
