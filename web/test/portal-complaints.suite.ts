import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD, uniqueSuffix, userToken } from '@govhall/testing';
import { caseActs, PASSWORD, PNG, type Applicant } from '../../gateway/test/cases-stack';
import { expectedAnswers } from './admin-org-world';
import { fieldError } from './workbench-world';
import { buttonName, checkPage, type WebWorld } from './web-world';

/**
 * A complaint handler (投诉处理人员) of the 永昌县 center made by its administrator: outside the legal-affairs
 * department, it staffs the coordination office (综合协调办公室).
 */
export async function newComplaintHandler(w: WebWorld): Promise<string> {
  const username = `c${uniqueSuffix().slice(-6)}-complaints`;
  const made = await w.api('POST', '/identity/staff', {
    token: await userToken('yc-admin'),
    body: {
      tenant: '620321',
      username,
      displayName: '投诉处理测试人员',
      phone: `139${String(randomInt(1e8)).padStart(8, '0')}`,
      roles: ['complaint_handler'],
      initialPassword: PASSWORD,
      permanentPassword: true,
    },
  });
  expect([made.status, made.body.code]).toEqual([201, undefined]);
  return username;
}

/** The UTC date `offset` days from now: a period around today for the complaints list. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * 投诉和举报 in the browser (the world runs the complaints service): a visitor's empty form is refused at its fields,
 * then an anonymous report filed; the applicant complains about a case from its page, with a photo; the center's
 * complaint handler finds it in 投诉处理, opens the photo, accepts it and answers it as 合理投诉 (an empty answer refused at its fields); the applicant
 * reads the answer in 我的投诉 and votes on it; the outcome is published with the phone number masked.
 */
export function complaintTests(world: () => WebWorld, applicantOf: () => Applicant): void {
  it('投诉和举报: filed by a visitor and by an applicant about a case, accepted and answered in the workbench, voted on, published masked', async () => {
    const w = world();
    const applicant = applicantOf();
    const acts = caseActs(world);
    const handler = await newComplaintHandler(w);

    // A visitor: the form refuses an empty complaint at its fields, then files an anonymous report (举报). The
    // channel is not published yet in a fresh world (404 CHANNEL_NOT_SET: the page shows none).
    const visitor = await w.open({
      expected: expectedAnswers([['GET', 404, /^\/api\/v1\/complaints\/channels\/620321$/]]),
    });
    await w.visit(visitor.page, 'portal', 'complaints');
    await visitor.page.getByLabel('投诉的地区').selectOption({ label: '永昌县' });
    const form = visitor.page.locator('.ant-card', { has: visitor.page.getByText('我要投诉', { exact: true }) });
    await form.getByRole('button', { name: buttonName('提交') }).click();
    expect(await fieldError(form, '投诉类别')).toBe('请选择投诉类别');
    expect(await fieldError(form, '投诉内容')).toBe('请填写投诉内容');
    expect(await fieldError(form, '姓名')).toBe('投诉须留姓名；匿名请选择“举报”');
    await checkPage(visitor.page, 'portal-complaint-form');
    await form.locator('label', { hasText: /^举报$/ }).click();
    await form.locator('label', { hasText: '行政效能和工作作风' }).click();
    await form.locator('label', { hasText: /^不指定$/ }).click();
    await form.getByLabel('投诉内容').fill('大厅叫号机上午多次故障，现场无人处理，群众排队近两小时。');
    await form.getByRole('button', { name: buttonName('提交') }).click();
    const reported = visitor.page.getByRole('status').filter({ hasText: /^举报已提交，编号 TS620321\d{13}/ });
    await reported.waitFor();
    await checkPage(visitor.page, 'portal-complaint-filed');
    expect(visitor.problems.list()).toEqual([]);

    // The center's administrator publishes the channel (C14) in 机构与窗口; an empty procedure is refused at its field.
    const admin = await w.open({
      expected: expectedAnswers([['GET', 404, /^\/api\/v1\/complaints\/channels\/620321$/]]),
    });
    await w.visit(admin.page, 'admin', 'org');
    await w.signIn(admin.page, 'admin', 'yc-admin', DEMO_PASSWORD);
    await admin.page.getByRole('button', { name: /^(公布|修改)投诉渠道$/ }).click();
    const channel = admin.page.getByRole('dialog', { name: '投诉渠道' });
    await channel.getByLabel('受理单位').fill('永昌县政务服务中心效能监察室');
    await channel.getByLabel('投诉电话').fill('0935-7521234');
    await channel.getByLabel('地址').fill('永昌县北海子路1号政务服务中心三楼');
    await channel.getByLabel('投诉处理程序').fill('');
    await channel.getByRole('button', { name: buttonName('保存并公布') }).click();
    expect(await fieldError(channel, '投诉处理程序')).toBe('请填写投诉处理程序');
    await channel
      .getByLabel('投诉处理程序')
      .fill('收到投诉后1个工作日内受理，受理后5个工作日内答复投诉人；对答复不满意的可申请复查。');
    await channel.getByRole('button', { name: buttonName('保存并公布') }).click();
    await channel.waitFor({ state: 'hidden' });
    await admin.page.getByText('0935-7521234').waitFor();
    await checkPage(admin.page, 'admin-complaint-channel');
    expect(admin.problems.list()).toEqual([]);

    // The applicant complains about a case from its page, where the channel is now published.
    const c = await acts.accepted(applicant);
    const { page, problems } = await w.open();
    await w.visit(page, 'portal', `my/cases/${c.id}`);
    await w.signIn(page, 'portal', applicant.idNumber, PASSWORD);
    await page.getByRole('link', { name: '对本办件投诉' }).click();
    await page
      .locator('.ant-card', { has: page.getByText('投诉渠道', { exact: true }) })
      .getByText('0935-7521234')
      .waitFor();
    const mine = page.locator('.ant-card', { has: page.getByText('我要投诉', { exact: true }) });
    await mine.getByText(`办件：${c.caseNumber}（食品经营许可）`).waitFor();
    await mine.locator('label', { hasText: '服务质量和办事环境' }).click();
    await mine.getByLabel('投诉内容').fill('窗口人员让我第三次补交同一份材料，请回电13912345678说明原因。');
    await mine.getByLabel('姓名').fill(applicant.name);
    await mine.getByLabel('手机号码').fill('13912345678');
    // A photo goes with it: uploaded when chosen, listed under the form.
    await mine.locator('input[type=file]').setInputFiles({ name: '窗口照片.png', mimeType: 'image/png', buffer: PNG });
    await mine
      .getByRole('list', { name: '已上传的附件' })
      .getByText(/^窗口照片\.png/)
      .waitFor();
    await checkPage(page, 'portal-complaint-attachment');
    await mine.getByRole('button', { name: buttonName('提交') }).click();
    const filed = page.getByRole('status').filter({ hasText: /^投诉已提交，编号 TS620321\d{13}/ });
    await filed.waitFor();
    const number = /TS620321\d{13}/.exec(await filed.innerText())![0];
    const myList = page.locator('.ant-card', { has: page.getByText('我的投诉', { exact: true }) });
    await myList.locator('.ant-list-item', { hasText: number }).getByText('待受理').waitFor();
    await myList.getByRole('button', { name: /^下载 窗口照片\.png/ }).waitFor();
    await checkPage(page, 'portal-my-complaints');

    // The center's complaint handler accepts it and answers; an empty answer is refused at its fields.
    // (The empty answer is refused by the gateway: 400, expected.)
    const desk = await w.open({
      expected: expectedAnswers([['POST', 400, /^\/api\/v1\/complaints\/[0-9a-f-]+\/reply$/]]),
    });
    await w.visit(desk.page, 'workbench', 'complaints');
    await w.signIn(desk.page, 'workbench', handler, PASSWORD);
    await desk.page.getByRole('link', { name: `投诉 ${number}` }).click();
    await desk.page.locator('main .ant-descriptions').waitFor();
    expect(await desk.page.locator('main').innerText()).toContain(`办件：${c.caseNumber}（食品经营许可）`);
    // The photo filed with it opens in the viewer.
    await desk.page.getByRole('button', { name: /^附件 窗口照片\.png/ }).click();
    const viewer = desk.page.getByRole('dialog', { name: '投诉附件：窗口照片.png' });
    await viewer.getByRole('img', { name: '窗口照片.png' }).waitFor();
    await checkPage(desk.page, 'workbench-complaint-attachment');
    await viewer.getByRole('button', { name: buttonName('关闭') }).click();
    await viewer.waitFor({ state: 'hidden' });
    await checkPage(desk.page, 'workbench-complaint');
    const accept = desk.page.locator('.ant-card', { has: desk.page.getByText('受理', { exact: true }) });
    await accept.getByRole('button', { name: buttonName('提交') }).click();
    const reply = desk.page.locator('.ant-card', { has: desk.page.getByText('答复投诉人', { exact: true }) });
    await reply.getByRole('button', { name: buttonName('提交答复') }).click();
    expect(await fieldError(reply, '认定')).toBe('必填项不能为空');
    await reply.locator('label', { hasText: '合理投诉' }).click();
    await reply.getByLabel(/^答复内容/).fill('经核实，窗口未执行一次性告知制度，已对相关人员批评教育并退还重复材料。');
    await reply.getByRole('button', { name: buttonName('提交答复') }).click();
    await desk.page.locator('main .ant-tag', { hasText: '已答复' }).waitFor();
    await checkPage(desk.page, 'workbench-complaint-replied');
    expect(desk.problems.list()).toEqual([]);

    // The applicant reads the answer and votes on it.
    await page.reload();
    const item = myList.locator('.ant-list-item', { hasText: number });
    await item.getByText('合理投诉').waitFor();
    expect(await item.innerText()).toContain('已对相关人员批评教育');
    await item.locator('label', { hasText: /^满意$/ }).click();
    await item.getByRole('button', { name: buttonName('提交评价') }).click();
    await item.getByText('您的评价：满意').waitFor();

    // Published, the phone number in its text masked.
    const outcomes = page.locator('.ant-card', { has: page.getByText('投诉处理结果公开', { exact: true }) });
    await page.reload();
    const published = outcomes.locator('.ant-list-item', { hasText: number });
    await published.waitFor();
    const text = await published.innerText();
    expect(text).toContain('合理投诉');
    expect(text).not.toContain('13912345678');
    await checkPage(page, 'portal-complaint-outcomes');
    expect(problems.list()).toEqual([]);
  });

  it('登记投诉: a window clerk records a complaint received by phone, with an attachment, as its 首问责任人', async () => {
    const w = world();
    // The center's count of complaints received around today: what a refusal must leave as it was.
    const received = async () =>
      (await w.api('GET', `/complaints?from=${day(-1)}&to=${day(1)}`, { token: await userToken('yc-admin') })).body
        .total as number;
    const before = await received();
    // A mistyped login name of the member of staff complained of is refused by the service (400, expected).
    const { page, problems } = await w.open({
      expected: expectedAnswers([['POST', 400, /^\/api\/v1\/complaints$/]]),
    });
    await w.visit(page, 'workbench', 'complaints');
    await w.signIn(page, 'workbench', w.login.clerk, PASSWORD);
    await page.getByRole('button', { name: buttonName('登记投诉') }).click();
    await page.getByRole('heading', { level: 1, name: '登记投诉' }).waitFor();
    const form = page.locator('.ant-card', { has: page.getByText('来访、来电、来信和意见箱投诉', { exact: true }) });

    // Sent without the channel it came by, or anything else: refused at the fields, nothing sent.
    await form.getByRole('button', { name: buttonName('登记') }).click();
    expect(await fieldError(form, '受理渠道')).toBe('请选择受理渠道');
    expect(await fieldError(form, '投诉类别')).toBe('请选择投诉类别');
    expect(await fieldError(form, '投诉内容')).toBe('请填写投诉内容');
    await checkPage(page, 'workbench-complaint-record');

    // A call about the B post's clerk, with the photo the caller sent; the login name first mistyped.
    await form.locator('label', { hasText: /^来电$/ }).click();
    await form.locator('label', { hasText: '服务质量和办事环境' }).click();
    await form.locator('label', { hasText: /^工作人员$/ }).click();
    await form.getByLabel('被投诉的工作人员（登录名）').fill(`${w.login.clerkB}x`);
    await form
      .getByLabel('投诉内容')
      .fill('来电反映：昨天下午在市场监管窗口办理营业执照变更，工作人员态度生硬，未一次性告知所需材料。');
    await form.getByLabel('姓名').fill('赵来电');
    await form.getByLabel('手机号码').fill('13987654321');
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: '来电人照片.png', mimeType: 'image/png', buffer: PNG });
    await form
      .getByRole('list', { name: '已上传的附件' })
      .getByText(/^来电人照片\.png/)
      .waitFor();
    await form.getByRole('button', { name: buttonName('登记') }).click();
    expect(await fieldError(form, '被投诉的工作人员（登录名）')).toBe('在该地区找不到所选的投诉对象');
    expect(await received()).toBe(before);
    await checkPage(page, 'workbench-complaint-record-refused');

    await form.getByLabel('被投诉的工作人员（登录名）').fill(w.login.clerkB);
    await form.getByRole('button', { name: buttonName('登记') }).click();
    const recorded = page.getByRole('status').filter({ hasText: /^投诉已登记，编号 TS620321\d{13}/ });
    await recorded.waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/workbench\/complaints\/[0-9a-f-]{36}$/);
    const summary = await page.locator('main .ant-descriptions').innerText();
    expect(summary).toContain(`来电（首问责任人 ${w.login.clerk}）`);
    expect(summary).toContain('工作人员：办件测试人员');
    expect(summary).toContain('赵来电');
    // The recorder opens the photo they filed with it.
    await page.getByRole('button', { name: /^附件 来电人照片\.png/ }).click();
    const viewer = page.getByRole('dialog', { name: '投诉附件：来电人照片.png' });
    await viewer.getByRole('img', { name: '来电人照片.png' }).waitFor();
    await viewer.getByRole('button', { name: buttonName('关闭') }).click();
    await viewer.waitFor({ state: 'hidden' });
    await checkPage(page, 'workbench-complaint-recorded');
    expect(await received()).toBe(before + 1);
    expect(problems.list()).toEqual([]);
  });

  it('Open311: a department system files with its api_key and follows the request; anyone reads where it stands, nothing of the complainant', async () => {
    const w = world();
    // The center's administrator opens a service account for the department system; its secret is shown once.
    const clientId = `o311-${uniqueSuffix().slice(-8)}`;
    const made = await w.api('POST', '/identity/tenants/620321/service-accounts', {
      token: await userToken('yc-admin'),
      body: { clientId, description: '12345热线工单系统' },
    });
    expect(made.status).toBe(201);
    const apiKey = `${clientId}:${made.body.clientSecret as string}`;
    const open311 = `${w.stack.gatewayUrl}/open311/v2`;
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const services = (await (await fetch(`${open311}/services.json?jurisdiction_id=620321`)).json()) as {
      service_code: string;
    }[];
    expect(services.map((s) => s.service_code)).toContain('efficiency');

    // A wrong secret is refused by Keycloak through the gateway: 403, nothing filed.
    const wrong = await fetch(
      `${open311}/requests.json`,
      form({
        jurisdiction_id: '620321',
        service_code: 'efficiency',
        description: '热线转办：窗口工作人员态度生硬。',
        api_key: `${clientId}:wrong`,
      }),
    );
    expect([wrong.status, ((await wrong.json()) as { code: number }[])[0]!.code]).toEqual([403, 403]);

    const created = await fetch(
      `${open311}/requests.json`,
      form({
        jurisdiction_id: '620321',
        service_code: 'efficiency',
        description: '热线转办：市民反映窗口工作人员态度生硬，联系电话13812345678。',
        first_name: '四',
        last_name: '李',
        phone: '13812345678',
        api_key: apiKey,
      }),
    );
    expect(created.status).toBe(201);
    const [answer] = (await created.json()) as { service_request_id: string; service_notice: string }[];
    expect(answer!.service_request_id).toMatch(/^TS620321\d{13}$/);
    expect(answer!.service_notice).toMatch(/^已收到，\d{4}-\d{2}-\d{2}前受理/);

    // Anyone follows it: open, with the office that handles it; no complainant, no content until answered.
    const got = await fetch(`${open311}/requests/${answer!.service_request_id}.json?jurisdiction_id=620321`);
    expect(got.status).toBe(200);
    const [request] = (await got.json()) as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: answer!.service_request_id,
      status: 'open',
      status_notes: '待受理',
      service_code: 'efficiency',
      agency_responsible: '效能监察室',
      description: '',
    });
    expect(JSON.stringify(request)).not.toMatch(/李四|13812345678/);
    const listed = (await (
      await fetch(`${open311}/requests.json?jurisdiction_id=620321&status=open&service_code=efficiency`)
    ).json()) as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(answer!.service_request_id);

    // The center reads it as filed by the department system (channel open311), the complainant whole.
    const filed = await w.api('GET', `/complaints?from=${day(-1)}&to=${day(1)}&status=received`, {
      token: await userToken('yc-admin'),
    });
    expect(filed.status).toBe(200);
    const mine = (filed.body.complaints as { number: string; channel: string; complainant: { name: string } }[]).find(
      (c) => c.number === answer!.service_request_id,
    );
    expect(mine).toMatchObject({ channel: 'open311' });
  });
}
