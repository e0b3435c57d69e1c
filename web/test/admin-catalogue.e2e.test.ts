import { uniqueSuffix } from '@govhall/testing';
import { PASSWORD, YC } from '../../gateway/test/cases-stack';
import { expectedRefusals, fieldError, formItem, noFieldError, openTab } from './admin-catalogue-world';
import { checkPage, startWebWorld, type WebWorld, buttonName } from './web-world';

// The admin console's catalogue, through its own login: a center administrator of 永昌县 searches the list (the
// catalogue filters by name or the start of a basic code), retires (停用) 药品零售企业许可 with a reason, creates
// an item (a taken basic code refused at its field) and deletes that never-submitted draft, opens the seed's
// 食品经营许可, starts a new edition (a second start is led to the open draft), uploads the blank form of a
// material (a wrong type refused at the field) and a sample it then removes, adds a field to its form in the form
// builder (a broken JSON and an invalid schema first: the problem shows under the editor), sees it in the live
// preview, tries a wrong limit (the catalogue's message at the field), submits; a reviewer (another person: four
// eyes) sees the diff and publishes; the public API then serves the new form, the portal's guide offers the blank
// form for download, the published edition's preview renders the new field, and an applicant applying on the portal
// fills it in.

let w: WebWorld;
/** A center administrator of 永昌县 of this run (the realm's shared yc-admin may be locked by others' failed logins). */
let adminLogin: string;

beforeAll(async () => {
  // The portal's guide reads the item's curated FAQ from the complaints service (咨询).
  w = await startWebWorld({ complaints: {} });
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
const RETIRE_REASON = '依据省政府决定，该事项调整至市级办理';
/** A blank form the catalogue accepts (its content starts as a PDF does). */
const BLANK_PDF = Buffer.from('%PDF-1.7\n% 食品经营许可申请书（空白表格）\n%%EOF\n');
const SAMPLE_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const idOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

it('an administrator changes 食品经营许可 in the form builder, submits, and a reviewer publishes it', async () => {
  // ── the administrator ──
  const admin = await w.open({
    expected: expectedRefusals(
      /\/api\/v1\/catalogue\/items$/,
      /\/api\/v1\/catalogue\/items\/[0-9a-f-]{36}\/(submit|review|retire|editions)$/,
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

  // The catalogue filters by the start of a basic code too; 药品零售企业许可 is taken out of service (停用): no
  // reason, then one too short (the gateway's word), at the field; then with its reason.
  await page.getByLabel('搜索事项').fill('00011703');
  await page.getByRole('link', { name: '药品零售企业许可', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '药品零售企业许可' }).waitFor();
  const retiredId = idOf(page.url());
  await page.getByRole('button', { name: '停用事项' }).click();
  const retire = page.getByRole('dialog', { name: '停用事项' });
  await retire.getByRole('button', { name: '确认停用' }).click();
  expect(await fieldError(retire, '停用原因', '请填写')).toBe('请填写停用原因');
  await retire.getByLabel('停用原因', { exact: true }).fill('停');
  await retire.getByRole('button', { name: '确认停用' }).click();
  expect(await fieldError(retire, '停用原因', '至少')).toMatch(/^长度过短，至少 2 个字符/);
  await checkPage(page, 'admin-catalogue-retire');
  await retire.getByLabel('停用原因', { exact: true }).fill(RETIRE_REASON);
  await retire.getByRole('button', { name: '确认停用' }).click();
  await page.getByText('本事项已停用，公众不能再申请').waitFor();
  expect(await page.locator('main .ant-tag').first().innerText()).toBe('已停用');
  expect(await page.locator('main').innerText()).toContain(`停用原因：${RETIRE_REASON}`);
  expect((await fetch(`${w.origin}/api/v1/catalogue/published/${retiredId}`)).status).toBe(404);
  await page.getByRole('link', { name: '事项目录', exact: true }).click();
  await page.getByLabel('搜索事项').fill('药品零售');
  await rows
    .filter({ hasText: `已停用：${RETIRE_REASON}` })
    .first()
    .waitFor();

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
  // Never submitted: it may be deleted, after a confirmation; the list says so.
  await page.getByRole('button', { name: '删除草稿' }).click();
  await page.getByRole('button', { name: buttonName('删除') }).click();
  await page.getByText('已删除草稿：小餐饮经营许可（第 1 版）').waitFor();
  await page.getByRole('heading', { level: 1, name: '事项目录' }).waitFor();

  await page.getByRole('link', { name: '事项目录', exact: true }).click();
  await page.getByLabel('搜索事项').fill('食品经营');
  await page.getByRole('link', { name: '食品经营许可', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
  expect(await page.locator('main').innerText()).toContain('本版本已发布');
  await checkPage(page, 'admin-catalogue-published');
  const publishedId = idOf(page.url());

  await page.getByRole('button', { name: '新建版本' }).click();
  await page.getByText('第 2 版').waitFor();
  expect(await page.locator('main .ant-tag').first().innerText()).toBe('草稿');
  const draftId = idOf(page.url());
  expect(draftId).toMatch(/^[0-9a-f-]{36}$/);

  // Another 新建版本 on the published edition: the catalogue refuses (one edition in progress), the page leads to it.
  await w.visit(page, 'admin', `catalogue/${publishedId}`);
  await page.getByRole('button', { name: '新建版本' }).click();
  await page.getByText('第 2 版正在编辑，请在该版本上继续。').waitFor();
  await page.getByRole('link', { name: '打开第 2 版' }).click();
  await page.waitForURL((url) => idOf(url.href) === draftId);
  await page.getByRole('button', { name: '保存草稿' }).waitFor();

  // The blank form of the first material: a wrong type is refused at the field before any upload; a PDF is taken.
  // A sample is uploaded, then removed.
  await openTab(page, '申请材料');
  const material = page.locator('.ant-card').filter({ has: page.getByText('材料 1', { exact: true }) });
  const blank = material.getByLabel('空白表格', { exact: true });
  await blank.setInputFiles({
    name: '申请书.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ'),
  });
  expect(await fieldError(material, '空白表格', '只接受')).toBe(
    '“申请书.exe”是EXE 格式的文件，“空白表格”只接受 PDF、DOC、DOCX、XLS、XLSX、PNG、JPG、JPEG、OFD 格式的文件',
  );
  await blank.setInputFiles({
    name: '食品经营许可申请书.pdf',
    mimeType: 'application/pdf',
    buffer: BLANK_PDF,
  });
  await material.getByRole('button', { name: '下载“食品经营许可申请书.pdf”' }).waitFor();
  await noFieldError(material, '空白表格');
  await material.getByLabel('示范文本', { exact: true }).setInputFiles({
    name: '申请书样表.png',
    mimeType: 'image/png',
    buffer: SAMPLE_PNG,
  });
  await material.getByRole('button', { name: '下载“申请书样表.png”' }).waitFor();
  await checkPage(page, 'admin-catalogue-material-files');
  await material.getByRole('button', { name: '移除示范文本' }).click();
  await formItem(material, '示范文本').getByText('未上传').waitFor();
  await openTab(page, '基本信息');

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
  const schemaText = page.getByLabel('表单结构（JSON Schema）', {
    exact: true,
  });
  const original = await schemaText.inputValue();
  const schema = JSON.parse(original) as {
    properties: Record<string, unknown>;
  };
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
  schema.properties.storageArea = {
    type: 'number',
    title: NEW_FIELD,
    minimun: 1,
  };
  await schemaText.fill(JSON.stringify(schema, null, 2));
  await noFieldError(page, '表单结构（JSON Schema）');
  await openTab(page, '基本信息');
  await page.getByRole('button', { name: '提交审核' }).click();
  expect(await fieldError(page, '表单结构（JSON Schema）', 'properties.storageArea.minimun')).toBe(
    '表单模式 properties.storageArea.minimun：未知的关键字“minimun”（请检查拼写）',
  );
  expect(await page.getByRole('tab', { name: '表单设计', exact: true }).getAttribute('aria-selected')).toBe('true');

  schema.properties.storageArea = {
    type: 'number',
    title: NEW_FIELD,
    minimum: 1,
  };
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
  const item = (await published.json()) as {
    edition: number;
    content: { form: { jsonSchema: string } };
  };
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
  // The blank form uploaded in the editor is offered by the guide, and anyone may download it.
  const blankHref = await visitor.page
    .getByRole('link', { name: '空白表格', exact: true })
    .first()
    .getAttribute('href');
  const download = await fetch(`${w.origin}${blankHref}`);
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer())).toEqual(BLANK_PDF);
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
}, 900_000);
