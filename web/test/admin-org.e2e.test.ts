import { randomInt } from 'node:crypto';
import { clientToken, DEMO_PASSWORD, uniqueSuffix, type Page, type WatchedPage } from '@govhall/testing';
import { SCJG, YC } from '../../gateway/test/cases-stack';
import { chinaDate, comingDays, expectedAnswers, fieldError } from './admin-org-world';
import { checkPage, startWebWorld, tick, type WebWorld, buttonName } from './web-world';

// The admin console's organisation area, as 永昌县's center administrator (yc-admin) uses it after logging in through
// the console's 登录 button: a local holiday on the working calendar, a new member of staff, a window with A and B
// posts, the new person's leave (the window's B post then serves), and a service account whose secret is shown once.
// Each form first gets a wrong input and shows the message at its field; each outcome is read back from the API.

let w: WebWorld;
let watched: WatchedPage;
let page: Page;
const suffix = uniqueSuffix().slice(-6);
const person = { username: `o${suffix}-clerk`, name: '赵窗口', phone: '13912345678' };
let personId: string;
let windowNumber: string;
let scjgName: string;

/** A tenant whose center has not published its complaint channel yet (机构与窗口's panel says so). */
const UNPUBLISHED_CHANNEL: [string, number, RegExp] = ['GET', 404, /^\/api\/v1\/complaints\/channels\/\d{6}$/];

const EXPECTED = expectedAnswers([
  ['PUT', 400, /^\/api\/v1\/catalogue\/calendars\/620321\/overrides\//],
  ['POST', 400, /^\/api\/v1\/identity\/staff$/],
  ['POST', 400, /^\/api\/v1\/identity\/tenants\/620321\/windows$/],
  ['POST', 409, /^\/api\/v1\/identity\/tenants\/620321\/windows$/],
  ['POST', 400, /^\/api\/v1\/identity\/tenants\/620321\/service-accounts$/],
  ['PUT', 400, /^\/api\/v1\/identity\/departments\/620321-GAJ$/],
  ['PUT', 409, /^\/api\/v1\/identity\/staff\/[0-9a-f-]+\/roles$/],
  ['POST', 400, /^\/api\/v1\/identity\/staff\/[0-9a-f-]+\/leaves\/[0-9-]+\/end$/],
  ['POST', 400, /^\/api\/v1\/identity\/service-accounts\/[0-9a-f-]+\/disable$/],
  ['PUT', 400, /^\/api\/v1\/identity\/windows\/[0-9a-f-]+$/],
  UNPUBLISHED_CHANNEL,
]);

beforeAll(async () => {
  // 机构与窗口 shows the tenant's complaint channel too: the complaints service runs behind the gateway.
  w = await startWebWorld({ complaints: {} });
  watched = await w.open({ expected: EXPECTED });
  page = watched.page;
  const departments = await w.api('GET', `/identity/tenants/${YC}/departments`);
  scjgName = (departments.body.departments as { code: string; name: string }[]).find((d) => d.code === SCJG)!.name;
}, 240_000);

afterAll(async () => {
  await w?.stop();
});

const navTo = async (label: string, heading: string) => {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
};

// The first test also logs in through Keycloak's pages and waits for the console's first load: on a loaded machine
// (CI, two CPU burners) it took 135 s once, past jest's 120 s.
it('yc-admin logs in and sets a local holiday on the working calendar; a weekend and an empty reason are refused at their fields', async () => {
  const { year, workday, weekend } = await comingDays(w);
  await w.visit(page, 'admin', 'calendar');
  await page.getByText('管理后台仅供政务服务中心管理人员使用，请先登录。').waitFor();
  await w.signIn(page, 'admin', 'yc-admin', DEMO_PASSWORD);
  expect(new URL(page.url()).pathname).toBe('/admin/calendar');
  await page.getByRole('heading', { level: 1, name: '工作日历' }).waitFor();
  await page.locator('#calendar-year').selectOption(String(year));
  await page.getByRole('table').filter({ hasText: '12 月' }).waitFor();
  await checkPage(page, 'admin-calendar');

  // No reason: said under 原因, and nothing is sent.
  await page.locator('#override_date').fill(weekend);
  await page.getByRole('button', { name: '保存本地调整' }).click();
  expect(await fieldError(page, 'override_reason')).toBe('请填写原因');

  // A Saturday made a holiday changes nothing: the catalogue's message, under 调整为.
  await page.locator('#override_reason').fill('本地民族传统节日');
  await page.getByRole('button', { name: '保存本地调整' }).click();
  expect(await fieldError(page, 'override_working')).toContain('无需设为本地放假日');
  await checkPage(page, 'admin-calendar-error');

  await page.locator('#override_date').fill(workday);
  await page.getByRole('button', { name: '保存本地调整' }).click();
  await page.getByText(`已将 ${workday} 设为本地放假日。`).waitFor();
  const row = page.getByRole('row').filter({ hasText: workday });
  await row.waitFor();
  expect(await row.innerText()).toContain('本地民族传统节日');
  expect(await page.locator(`td[title^="${workday}"]`).getAttribute('title')).toBe(
    `${workday} 本地放假：本地民族传统节日`,
  );

  const calendar = await w.api('GET', `/catalogue/calendars/${YC}/${year}`);
  expect(calendar.body.overrides).toContainEqual({ date: workday, working: false, reason: '本地民族传统节日' });
  expect(calendar.body.overrides).not.toContainEqual(expect.objectContaining({ date: weekend }));
}, 240_000);

it('creates a member of staff (a wrong phone refused at its field); the list masks the phone', async () => {
  await navTo('工作人员', '工作人员');
  await page.getByRole('table').waitFor();
  await checkPage(page, 'admin-staff');

  await page.getByRole('button', { name: '新增工作人员' }).click();
  await page.locator('#staff_username').fill(person.username);
  await page.locator('#staff_displayName').fill(person.name);
  await page.locator('#staff_phone').fill('12345');
  await tick(page.getByRole('checkbox', { name: '窗口工作人员' }));
  await page.locator('#staff_department').selectOption({ label: scjgName });
  await page.locator('#staff_initialPassword').fill('Start2026x');
  await page.getByRole('button', { name: '创建账号' }).click();
  expect(await fieldError(page, 'staff_phone')).toMatch(/电话|手机/);
  await checkPage(page, 'admin-staff-new');

  await page.locator('#staff_phone').fill(person.phone);
  await page.getByRole('button', { name: '创建账号' }).click();
  await page.getByText(`已创建 ${person.name}（登录名 ${person.username}）的账号`).waitFor();
  await page.locator('#staff-q').fill(person.username);
  const row = page.getByRole('row').filter({ hasText: person.username });
  const text = await row.innerText();
  expect(text).toContain('139****5678');
  expect(text).not.toContain(person.phone);
  expect(text).toContain('窗口工作人员');

  const listed = await w.api('GET', `/identity/tenants/${YC}/staff?pageSize=100`, { token: await w.token('admin') });
  const created = (listed.body.staff as { id: string; username: string }[]).find((s) => s.username === person.username);
  expect(created).toMatchObject({ department: SCJG, roles: ['window_clerk'], status: 'active', displayName: '赵窗口' });
  personId = created!.id;
});

it('opens a window with the new person at the A post (a missing A post and a taken number refused at their fields)', async () => {
  await navTo('机构与窗口', '机构与窗口');
  await checkPage(page, 'admin-org');
  const taken = (await w.api('GET', `/identity/tenants/${YC}/windows`)).body.windows.find(
    (x: { id: string }) => x.id === w.windowId,
  ).number as string;

  await page.getByRole('button', { name: '新增窗口' }).click();
  await page.locator('#window_number').fill(taken);
  await page.locator('#window_name').fill('食品经营许可专窗');
  await page.locator('#window_department').selectOption(SCJG);
  await page.locator('#window_bPostStaffId').selectOption(w.staffId.clerkB);
  await page.locator('#window_location').fill('一楼东侧');
  await page.getByRole('button', { name: '保存窗口' }).click();
  expect(await fieldError(page, 'window_aPostStaffId')).toBe('请指定A岗（主岗）人员');

  await page.locator('#window_aPostStaffId').selectOption(personId);
  await page.getByRole('button', { name: '保存窗口' }).click();
  expect(await fieldError(page, 'window_number')).toBe(`本中心已有${taken}号窗口，请换一个窗口编号`);
  await checkPage(page, 'admin-org-window-errors');

  windowNumber = `F${randomInt(100, 999)}`;
  await page.locator('#window_number').fill(windowNumber);
  await page.getByRole('button', { name: '保存窗口' }).click();
  await page.getByText(`已新增 ${windowNumber} 号窗口：食品经营许可专窗`).waitFor();
  const row = page.getByRole('row').filter({ hasText: '食品经营许可专窗' });
  expect(await row.innerText()).toContain(`${person.name}（${person.username}）`);

  const windows = (await w.api('GET', `/identity/tenants/${YC}/windows`)).body.windows as Record<string, unknown>[];
  expect(windows.find((x) => x.number === windowNumber)).toMatchObject({
    name: '食品经营许可专窗',
    kind: 'department',
    department: SCJG,
    aPostStaffId: personId,
    bPostStaffId: w.staffId.clerkB,
    location: '一楼东侧',
  });
});

it('registers the new person’s leave and shows that the window’s B post serves', async () => {
  const from = chinaDate(1);
  const to = chinaDate(3);
  await navTo('工作人员', '工作人员');
  await page.locator('#staff-q').fill(person.username);
  await page.getByRole('button', { name: `登记请假：${person.name}` }).click();
  await page.locator(`#leave-${personId}_fromDate`).fill(from);
  await page.locator(`#leave-${personId}_toDate`).fill(to);
  await page.locator(`#leave-${personId}_reason`).fill('年休假');
  await page.getByRole('button', { name: buttonName('登记') }).click();
  const notice = page.getByRole('status').filter({ hasText: '已登记' });
  await notice.waitFor();
  const said = await notice.innerText();
  expect(said).toContain(`已登记 ${person.name} ${from} 至 ${to} 的请假。`);
  expect(said).toContain(`${windowNumber} 号窗口（食品经营许可专窗）自 ${from} 起由B岗 办件测试人员 顶岗受理。`);
  // The list is read again after the leave: the row then shows it.
  await page
    .getByRole('row')
    .filter({ hasText: person.username })
    .filter({ hasText: `${from} 至 ${to}（年休假）` })
    .waitFor();
  await checkPage(page, 'admin-staff-leave');

  const admin = await w.token('admin');
  const staff = await w.api('GET', `/identity/staff/${personId}`, { token: admin });
  expect(staff.body.leaves).toEqual([{ fromDate: from, toDate: to, reason: '年休假' }]);
  const windows = (await w.api('GET', `/identity/tenants/${YC}/windows`)).body.windows as {
    id: string;
    number: string;
  }[];
  const id = windows.find((x) => x.number === windowNumber)!.id;
  const responsible = await w.api('GET', `/identity/windows/${id}/responsible?date=${from}`, { token: admin });
  expect(responsible.body).toMatchObject({ basis: 'b_post', responsible: { id: w.staffId.clerkB } });
});

it('renames a department and changes the window (a one-character name and a department its posts are not in refused at their fields)', async () => {
  await navTo('机构与窗口', '机构与窗口');
  const departments = (await w.api('GET', `/identity/tenants/${YC}/departments`)).body.departments as {
    code: string;
    name: string;
  }[];
  const zjj = departments.find((d) => d.code === `${YC}-GAJ`)!;
  await page.getByRole('button', { name: `修改部门：${zjj.name}` }).click();
  const nameField = page.locator(`#department-${YC}-GAJ_name`);
  await nameField.fill('局');
  await page
    .getByRole('dialog', { name: `修改部门 ${YC}-GAJ` })
    .getByRole('button', { name: buttonName('保存') })
    .click();
  expect(await fieldError(page, `department-${YC}-GAJ_name`)).toMatch(/部门名称|字/);
  await checkPage(page, 'admin-org-department-edit');
  await nameField.fill('永昌县公安局（户政）');
  await page
    .getByRole('dialog', { name: `修改部门 ${YC}-GAJ` })
    .getByRole('button', { name: buttonName('保存') })
    .click();
  await page.getByRole('row').filter({ hasText: '永昌县公安局（户政）' }).waitFor();
  const renamed = (await w.api('GET', `/identity/tenants/${YC}/departments`)).body.departments as {
    code: string;
    name: string;
    version: number;
  }[];
  expect(renamed.find((d) => d.code === `${YC}-GAJ`)).toMatchObject({
    name: '永昌县公安局（户政）',
    version: 2,
  });

  const windows = (await w.api('GET', `/identity/tenants/${YC}/windows`)).body.windows as {
    id: string;
    number: string;
  }[];
  const id = windows.find((x) => x.number === windowNumber)!.id;
  await page.getByRole('button', { name: `修改窗口：${windowNumber} 号窗口` }).click();
  const dialog = page.getByRole('dialog', { name: `修改 ${windowNumber} 号窗口` });
  await dialog.waitFor();
  await page.locator(`#window-${id}_department`).selectOption(`${YC}-RSJ`);
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  expect(await fieldError(page, `window-${id}_department`)).toContain(`${person.name} 不属于本窗口所属部门`);
  await checkPage(page, 'admin-org-window-edit');
  await page.locator(`#window-${id}_department`).selectOption(SCJG);
  await page.locator(`#window-${id}_name`).fill('食品经营许可专窗（东）');
  await page.locator(`#window-${id}_location`).fill('一楼东侧3号');
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: '食品经营许可专窗（东）' }).waitFor();

  const after = (await w.api('GET', `/identity/tenants/${YC}/windows`)).body.windows as Record<string, unknown>[];
  expect(after.find((x) => x.id === id)).toMatchObject({
    number: windowNumber,
    name: '食品经营许可专窗（东）',
    department: SCJG,
    location: '一楼东侧3号',
    aPostStaffId: personId,
    bPostStaffId: w.staffId.clerkB,
    version: 2,
  });
});

it('changes the new person’s roles (no role refused at its field, a department change refused while on a window post)', async () => {
  await navTo('工作人员', '工作人员');
  await page.locator('#staff-q').fill(person.username);
  await page.getByRole('button', { name: `调整岗位：${person.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `调整岗位：${person.name}` });
  await dialog.waitFor();
  const roles = dialog.locator(`#roles-${personId}_roles`);
  await roles.getByRole('checkbox', { name: '窗口工作人员' }).uncheck();
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  expect(await fieldError(page, `roles-${personId}_roles`)).toBe('请至少选择一个岗位角色');
  await checkPage(page, 'admin-staff-roles');

  await tick(roles.getByRole('checkbox', { name: '窗口工作人员' }));
  await tick(roles.getByRole('checkbox', { name: '审查人员' }));
  await page.locator(`#roles-${personId}_department`).selectOption(`${YC}-RSJ`);
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await dialog
    .getByRole('alert')
    .filter({ hasText: `${windowNumber}窗口A岗` })
    .waitFor();

  await page.locator(`#roles-${personId}_department`).selectOption(SCJG);
  await dialog.getByRole('button', { name: buttonName('保存') }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`已调整 ${person.name} 的岗位角色和所属部门，本人重新登录后生效。`).waitFor();
  await page.getByRole('row').filter({ hasText: person.username }).filter({ hasText: '审查人员' }).waitFor();

  const staff = await w.api('GET', `/identity/staff/${personId}`, { token: await w.token('admin') });
  expect(staff.body).toMatchObject({ roles: ['window_clerk', 'reviewer'], department: SCJG });
});

it('cancels the new person’s leave (a last day after the leave refused at its field); the A post serves again', async () => {
  const from = chinaDate(1);
  const to = chinaDate(3);
  await page.getByRole('button', { name: `结束请假：${person.name} ${from}` }).click();
  const form = `end-${personId}-${from}`;
  await page.locator(`#${form}_toDate`).fill(chinaDate(5));
  await page
    .getByRole('dialog', { name: `结束请假：${person.name} ${from} 至 ${to}` })
    .getByRole('button', { name: buttonName('确认') })
    .click();
  expect(await fieldError(page, `${form}_toDate`)).toContain('提前结束的日期应在');
  await checkPage(page, 'admin-staff-leave-end');
  await page.locator(`#${form}_toDate`).fill('');
  await page
    .getByRole('dialog', { name: `结束请假：${person.name} ${from} 至 ${to}` })
    .getByRole('button', { name: buttonName('确认') })
    .click();
  await page.getByText(`已撤销 ${person.name} 自 ${from} 起的请假。`).waitFor();

  const admin = await w.token('admin');
  expect((await w.api('GET', `/identity/staff/${personId}`, { token: admin })).body.leaves).toEqual([]);
  const windows = (await w.api('GET', `/identity/tenants/${YC}/windows`)).body.windows as {
    id: string;
    number: string;
  }[];
  const id = windows.find((x) => x.number === windowNumber)!.id;
  const responsible = await w.api('GET', `/identity/windows/${id}/responsible?date=${from}`, { token: admin });
  expect(responsible.body).toMatchObject({ basis: 'a_post', responsible: { id: personId } });
});

it('creates a service account (a reserved client id refused at its field) and shows its secret once', async () => {
  const clientId = `o${suffix}-approval`;
  await navTo('服务账号', '服务账号');
  await checkPage(page, 'admin-service-accounts');

  await page.locator('#account_department').selectOption(SCJG);
  await page.locator('#account_clientId').fill('govhall-approval');
  await page.locator('#account_description').fill('市场监管审批系统');
  await page.getByRole('button', { name: '创建服务账号' }).click();
  expect(await fieldError(page, 'account_clientId')).toMatch(/客户端标识|格式/);

  await page.locator('#account_clientId').fill(clientId);
  await page.getByRole('button', { name: '创建服务账号' }).click();
  const dialog = page.getByRole('dialog', { name: '服务账号已创建' });
  await dialog.waitFor();
  expect(await dialog.innerText()).toContain('客户端密钥只显示这一次');
  const secret = (await dialog.locator('[data-testid="client-secret"] code').innerText()).trim();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  // The secret shown is the account's: Keycloak gives the department system a token with it.
  await expect(clientToken(clientId, secret)).resolves.toEqual(expect.any(String));
  // The screenshot must not keep a working secret: its text is blotted out on the page first.
  await dialog.locator('[data-testid="client-secret"] code').evaluate((code) => {
    code.textContent = '•'.repeat(32);
  });
  await checkPage(page, 'admin-service-account-secret');

  await dialog.getByRole('button', { name: '我已妥善保存密钥' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: clientId });
  expect(await row.innerText()).toContain('市场监管审批系统');
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await page.getByRole('row').filter({ hasText: clientId }).waitFor();
  expect(await page.content()).not.toContain(secret);

  const accounts = await w.api('GET', `/identity/tenants/${YC}/service-accounts`, { token: await w.token('admin') });
  expect(accounts.body.serviceAccounts).toContainEqual(
    expect.objectContaining({ clientId, department: SCJG, description: '市场监管审批系统', status: 'active' }),
  );
  expect(JSON.stringify(accounts.body)).not.toContain(secret);

  // 更换密钥: a new secret shown once; the old one no longer gets a token.
  await page.getByRole('button', { name: `更换密钥：${clientId}` }).click();
  await page
    .getByRole('dialog', { name: `更换密钥：${clientId}` })
    .getByRole('button', { name: '确认更换' })
    .click();
  const rotated = page.getByRole('dialog', { name: '已更换客户端密钥' });
  await rotated.waitFor();
  const newSecret = (await rotated.locator('[data-testid="client-secret"] code').innerText()).trim();
  expect(newSecret).not.toBe(secret);
  await expect(clientToken(clientId, secret)).rejects.toThrow();
  await expect(clientToken(clientId, newSecret)).resolves.toEqual(expect.any(String));
  await rotated.getByRole('button', { name: '我已妥善保存密钥' }).click();
  await rotated.waitFor({ state: 'hidden' });

  // 停用: no reason is refused at its field; then Keycloak gives the system no token.
  const id = (accounts.body.serviceAccounts as { id: string; clientId: string }[]).find(
    (a) => a.clientId === clientId,
  )!.id;
  await page.getByRole('button', { name: `停用账号：${clientId}` }).click();
  const disable = page.getByRole('dialog', { name: `停用服务账号：${clientId}` });
  await disable.getByRole('button', { name: '确认停用' }).click();
  expect(await fieldError(page, `disable-${id}_reason`)).toMatch(/停用原因|字/);
  await checkPage(page, 'admin-service-account-disable');
  await page.locator(`#disable-${id}_reason`).fill('系统已下线');
  await disable.getByRole('button', { name: '确认停用' }).click();
  await disable.waitFor({ state: 'hidden' });
  await page.getByRole('row').filter({ hasText: clientId }).filter({ hasText: '已停用' }).waitFor();
  await expect(clientToken(clientId, newSecret)).rejects.toThrow();
  const after = await w.api('GET', `/identity/tenants/${YC}/service-accounts`, { token: await w.token('admin') });
  expect(after.body.serviceAccounts).toContainEqual(expect.objectContaining({ clientId, status: 'disabled' }));

  // A center account (ADR 0053), such as the joint-review service's: no department, and its tokens carry none.
  const centerId = `c${suffix}-joint-review`;
  await page.locator('#account_department').selectOption({ label: '本中心平台服务（不限部门）' });
  await page.locator('#account_clientId').fill(centerId);
  await page.locator('#account_description').fill('联审服务');
  await page.getByRole('button', { name: '创建服务账号' }).click();
  const centerDialog = page.getByRole('dialog', { name: '服务账号已创建' });
  await centerDialog.waitFor();
  const centerSecret = (await centerDialog.locator('[data-testid="client-secret"] code').innerText()).trim();
  await centerDialog.getByRole('button', { name: '我已妥善保存密钥' }).click();
  await centerDialog.waitFor({ state: 'hidden' });
  expect(await page.getByRole('row').filter({ hasText: centerId }).innerText()).toContain('本中心平台服务（不限部门）');
  const claims = JSON.parse(
    Buffer.from((await clientToken(centerId, centerSecret)).split('.')[1]!, 'base64url').toString(),
  ) as Record<string, unknown>;
  expect(claims).toMatchObject({ tenant: YC, roles: expect.arrayContaining(['service']) });
  expect(claims).not.toHaveProperty('department');

  expect(watched.problems.list()).toEqual([]);
});

it('a city’s administrator looks at a county of the city: its staff and windows to read, nothing to change', async () => {
  const city = await w.open({ expected: expectedAnswers([UNPUBLISHED_CHANNEL]) });
  await w.visit(city.page, 'admin', 'staff');
  await w.signIn(city.page, 'admin', 'jc-city-admin', DEMO_PASSWORD);
  await city.page.getByRole('heading', { level: 1, name: '工作人员' }).waitFor();
  await city.page.getByLabel('查看的中心').selectOption(YC);
  await city.page.getByText('下级中心的信息仅供查看，由该中心的管理员维护。').waitFor();
  const row = city.page.getByRole('row').filter({ hasText: person.username });
  await row.waitFor();
  expect(await row.innerText()).toContain('139****5678');
  expect(await city.page.getByRole('button', { name: '新增工作人员' }).count()).toBe(0);
  expect(await city.page.getByRole('button', { name: `登记请假：${person.name}` }).count()).toBe(0);
  await checkPage(city.page, 'admin-staff-city');

  await city.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构与窗口' }).click();
  await city.page.getByRole('heading', { level: 1, name: '机构与窗口' }).waitFor();
  await city.page.getByLabel('查看的中心').selectOption(YC);
  await city.page.getByRole('row').filter({ hasText: windowNumber }).waitFor();
  expect(await city.page.getByRole('button', { name: '新增窗口' }).count()).toBe(0);
  expect(await city.page.getByRole('button', { name: '修改中心信息' }).count()).toBe(0);
  expect(city.problems.list()).toEqual([]);
  await city.context.close();
});
