import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Page } from '@govhall/testing';
import { SCJG, YC } from '../../gateway/test/cases-stack';
import { checkPage, type WebWorld } from './web-world';

/** The period a report page shows at first: the month so far, in Beijing dates (shared/format.ts's defaultPeriod). */
function monthSoFar(now = new Date()): { from: string; to: string } {
  const today = now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The data rows of the table named `label`, cell by cell (antd's hidden measuring row left out). */
async function rowsOf(page: Page, label: string): Promise<string[][]> {
  const table = page.locator('main').getByRole('table', { name: label });
  await table.waitFor();
  return (await table.locator('tbody tr.ant-table-row').allInnerTexts()).map((r) =>
    r
      .split(/\t|\n/)
      .map((c) => c.trim())
      .filter(Boolean),
  );
}

/** The value of the statistic card titled `title` in the panel named `panel`. */
const statistic = (page: Page, panel: string, title: string) =>
  page
    .getByRole('region', { name: panel })
    .locator('.ant-statistic', { has: page.getByText(title, { exact: true }) })
    .locator('.ant-statistic-content')
    .innerText();

/**
 * 投诉统计 and 满意度 in the supervision console (the world runs the complaints service, its clock in
 * `complaintsClock`): complaints filed, one answered and voted on, the others left; twenty days on (the service's
 * clock) the page shows the API's figures and the unaccepted ones past their day; 满意度 shows the tenant's and each
 * department's figures as the API answers them.
 */
export function supervisionComplaintTests(
  world: () => WebWorld,
  page: () => Promise<Page>,
  token: () => Promise<string>,
  complaintsClock: string,
): void {
  it('投诉统计 shows the figures of the month and the complaints past their day, as the API answers them', async () => {
    const w = world();
    const sup = await token();
    const file = async (kind: string, target: { kind: string; id?: string }) => {
      const filed = await w.api('POST', '/complaints', {
        token: sup,
        body: {
          tenant: YC,
          type: 'complaint',
          kind,
          target,
          content: '窗口要求反复补交同一份材料，三次往返仍未受理。',
          complainant: { name: '赵监察测试', phone: '13912345678' },
          requestId: randomUUID(),
        },
      });
      expect([filed.status, filed.body.code]).toEqual([201, undefined]);
      return filed.body.complaint as { id: string; number: string; version: number; acceptBy: string };
    };
    const answered = await file('efficiency', { kind: 'department', id: SCJG });
    const waiting = await file('efficiency', { kind: 'department', id: SCJG });
    const general = await file('service', { kind: 'none' });
    const act = async (path: string, body: object) => {
      const r = await w.api('POST', `/complaints/${answered.id}/${path}`, { token: sup, body });
      expect([r.status, r.body.code]).toEqual([200, undefined]);
      return r.body.complaint as { version: number };
    };
    const accepted = await act('acceptance', { expectedVersion: answered.version });
    await act('reply', { expectedVersion: accepted.version, finding: 'justified', text: '情况属实，已责令窗口整改。' });
    await act('satisfaction', { satisfaction: 'satisfied' });
    // Twenty days on, the service's clock finds the two unaccepted ones past their day.
    writeFileSync(complaintsClock, new Date(Date.now() + 20 * 86_400_000).toISOString());

    const p = await page();
    await w.visit(p, 'supervision', '/complaints');
    await p.getByRole('heading', { level: 1, name: '投诉统计' }).waitFor();
    const period = monthSoFar();
    const panel = `投诉情况（${period.from} 至 ${period.to}）`;
    await p.getByRole('region', { name: panel }).waitFor();
    const summary = await w.api('GET', `/complaints/summary?from=${period.from}&to=${period.to}`, { token: sup });
    expect(summary.status).toBe(200);
    const s = summary.body as {
      total: number;
      lateAcceptance: number;
      overdue: { number: string; dueDay: string }[];
      byFinding: { finding: string; count: number }[];
    };
    expect(s.total).toBeGreaterThanOrEqual(3);
    expect(await statistic(p, panel, '投诉总数')).toBe(String(s.total));
    expect(await statistic(p, panel, '受理超期')).toBe(String(s.lateAcceptance));
    expect(await statistic(p, panel, '目前超期未办')).toBe(String(s.overdue.length));
    expect(await rowsOf(p, '答复认定')).toEqual(
      ['合理投诉', '无效投诉', '错误投诉'].map((name, i) => [name, String(s.byFinding[i]!.count)]),
    );
    const overdue = await rowsOf(p, '超期未办的投诉');
    const row = (number: string) => overdue.find((r) => r[0] === number);
    expect(row(waiting.number)).toEqual([
      waiting.number,
      '行政效能和工作作风',
      expect.stringContaining('（部门）'),
      '效能监察室',
      '受理超期',
      waiting.acceptBy,
      '待受理',
    ]);
    expect(row(general.number)).toEqual(
      expect.arrayContaining(['服务质量和办事环境', '未指定', '综合协调办公室', '受理超期', general.acceptBy]),
    );
    expect(row(answered.number)).toBeUndefined();
    expect(overdue.map((r) => r[0])).toEqual(s.overdue.map((o) => o.number));
    // No complainant anywhere on the page.
    expect(await p.locator('main').innerText()).not.toMatch(/赵监察测试|13912345678/);
    await checkPage(p, 'supervision-complaint-figures');
  }, 180_000);

  it('满意度 shows the tenant’s and each department’s figures of the month, as the API answers them', async () => {
    const w = world();
    const sup = await token();
    const p = await page();
    await w.visit(p, 'supervision', '/satisfaction');
    await p.getByRole('heading', { level: 1, name: '满意度' }).waitFor();
    const period = monthSoFar();
    const panel = `本地区满意度（${period.from} 至 ${period.to}）`;
    await p.getByRole('region', { name: panel }).waitFor();
    const figures = async (department?: string) => {
      const query = new URLSearchParams({ ...period, ...(department ? { department } : {}) });
      const r = await w.api('GET', `/ratings/satisfaction?${query}`, { token: sup });
      expect(r.status).toBe(200);
      return r.body as { total: number; defaultRatings: number };
    };
    const whole = await figures();
    expect(await statistic(p, panel, '评价总数')).toBe(String(whole.total));
    const departments = await w.api('GET', `/identity/tenants/${YC}/departments`);
    const scjg = (departments.body.departments as { code: string; name: string }[]).find((d) => d.code === SCJG)!;
    const rows = await rowsOf(p, '各部门满意度');
    expect(rows.map((r) => r[0])).toEqual(departments.body.departments.map((d: { name: string }) => d.name));
    const shown = rows.find((r) => r[0] === scjg.name)!;
    const own = await figures(SCJG);
    expect([shown[1], shown[4]]).toEqual([String(own.total), String(own.defaultRatings)]);
    await checkPage(p, 'supervision-satisfaction');
  }, 120_000);
}
