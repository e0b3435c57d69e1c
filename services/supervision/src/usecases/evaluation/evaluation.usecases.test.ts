import type { Principal } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { caseEvent } from '../../domain/clocks/case-event.test-double';
import { chinaToday } from '@govhall/calendar';
import type { Inspection } from '../../domain/inspections/inspection';
import type { DailyCheck } from '../../domain/evaluation/daily-check';
import type { MonthlyBulletin } from '../../domain/evaluation/monthly-bulletin';
import { openViolation } from '../../domain/violations/violation';
import { inMemoryEvaluation } from './evaluation.test-double';
import type { ListKpisQuery } from './list-kpis/list-kpis.usecase';
import { refreshKpisUseCase } from './refresh-kpis/refresh-kpis.usecase';

const who = (roles: Principal['roles'], tenant: string): Principal => ({
  kind: 'user',
  subject: 's',
  username: 'u',
  tenant,
  roles,
  clientId: 'c',
});
const ycSupervisor = who(['supervisor'], '620321');
const jcqSupervisor = who(['supervisor'], '620302'); // a sibling district under 金昌市
const citySupervisor = who(['supervisor'], '620300');
const month: ListKpisQuery = {
  level: 'tenant',
  tenant: '',
  subjectId: '',
  periodKind: 'month',
  fromKey: '2026-11',
  toKey: '',
  includeSubordinates: false,
};

/**
 * 永昌县 (620321): case A accepted by ycx-clerk Mon 2 Nov with 5 days promised, completed Wed 4 Nov (on time, early);
 * case B accepted the same day by ycx-clerk-b with 2 days promised, ycx-clerk responsible when its 黄牌 is raised on
 * Fri 6 Nov, completed Mon 9 Nov (late); case D not accepted. A completed case names no responsible person.
 * 金川区 (620302): case C accepted Tue 3 Nov, completed Thu 5 Nov. One violation of 620321 on 9 Nov, by ycx-clerk.
 */
async function world() {
  const w = inMemoryEvaluation('2026-11-02T04:00:00Z');
  const ev = (id: string, tenant: string, v: number, transition: string, day: string, more = {}, actor = 'ycx-clerk') =>
    w.apply(caseEvent(v, transition, day, { eventId: `${id}-${v}`, actor, facts: { caseId: id, tenant, ...more } }));
  const completed = { status: 'completed', responsible: '', responsibleRole: '' };
  await ev('A', '620321', 1, 'accepted', '2026-11-02');
  await ev(
    'B',
    '620321',
    1,
    'accepted',
    '2026-11-02',
    { promisedLimitWorkingDays: 2, responsible: 'ycx-clerk' },
    'ycx-clerk-b',
  );
  await ev('D', '620321', 1, 'submitted', '2026-11-02');
  await ev('C', '620302', 1, 'accepted', '2026-11-03', { department: '620302-SCJG', windowId: 'w-9' });
  w.setDay('2026-11-04');
  await ev('A', '620321', 2, 'completed', '2026-11-04', completed, 'ycx-reviewer');
  await ev('D', '620321', 2, 'not_accepted', '2026-11-04', { status: 'not_accepted' });
  w.setDay('2026-11-05');
  await ev('C', '620302', 2, 'completed', '2026-11-05', { ...completed, department: '620302-SCJG' });
  w.setDay('2026-11-06');
  await w.refreshClocks();
  w.setDay('2026-11-09');
  await ev('B', '620321', 2, 'completed', '2026-11-09', { ...completed, promisedLimitWorkingDays: 2 }, 'ycx-reviewer');
  await w.violations.recordNew([
    openViolation(
      {
        id: 'B.decision_past_limit',
        tenant: '620321',
        kind: 'decision_past_limit',
        summary: '超期办结',
        evidence: [],
        occurredDate: '2026-11-09',
        department: '620321-SCJG',
        windowId: 'w-1',
        person: 'ycx-clerk',
      },
      'automatic',
      new Date('2026-11-09T04:00:00Z'),
    ),
  ]);
  return w;
}

describe('ListKpis: counts from the facts of each day, summed into periods', () => {
  it('a district’s month: accepted, completed, on time, early, cards and violations; rates derived', async () => {
    const w = await world();
    const { figures, totals } = await w.evaluation.listKpis(month, ycSupervisor);
    expect(figures).toHaveLength(1);
    expect(figures[0]!.subject).toEqual({ level: 'tenant', id: '620321', tenant: '620321' });
    expect(figures[0]!.counts).toMatchObject({
      accepted: 2,
      completed: 2,
      onTime: 1,
      early: 1,
      warnings: 0,
      yellowCards: 1,
      redCards: 0,
      violations: 1,
      promisedWorkingDays: 7,
      statutoryWorkingDays: 40,
      ratings: 0,
    });
    expect(figures[0]!.rates.onTimeRate).toBe(0.5);
    expect(figures[0]!.rates.satisfactionRate).toBeUndefined();
    expect(totals).toEqual([{ ...figures[0], subject: { level: 'tenant', id: '620321', tenant: '620321' } }]);
  });

  it('a trend over days: each day its own row, the totals one per requested day (zeros where none)', async () => {
    const w = await world();
    const { figures, totals } = await w.evaluation.listKpis(
      { ...month, periodKind: 'day', fromKey: '2026-11-02', toKey: '2026-11-10' },
      ycSupervisor,
    );
    expect(figures.map((f) => [f.period.key, f.counts.accepted, f.counts.completed])).toEqual([
      ['2026-11-02', 2, 0],
      ['2026-11-04', 0, 1],
      ['2026-11-06', 0, 0],
      ['2026-11-09', 0, 1],
    ]);
    expect(totals.map((t) => t.period.key)).toHaveLength(9);
    expect(totals.find((t) => t.period.key === '2026-11-03')!.counts.accepted).toBe(0);
  });

  it('departments, windows and persons of the tenant; one subject when named', async () => {
    const w = await world();
    const persons = await w.evaluation.listKpis({ ...month, level: 'person' }, ycSupervisor);
    // A case's acceptance and completion count for the clerk who accepted it, though it names no responsible
    // person once completed; a card for the person responsible when it was raised, a violation for its person.
    const c = (f: (typeof persons.figures)[number]) => f.counts;
    expect(
      persons.figures.map((f) => [
        f.subject.id,
        c(f).accepted,
        c(f).completed,
        c(f).onTime,
        f.rates.onTimeRate,
        c(f).yellowCards,
        c(f).violations,
      ]),
    ).toEqual([
      ['ycx-clerk', 1, 1, 1, 1, 1, 1],
      ['ycx-clerk-b', 1, 1, 0, 0, 0, 0],
    ]);
    const one = await w.evaluation.listKpis({ ...month, level: 'person', subjectId: 'ycx-clerk' }, ycSupervisor);
    expect(one.figures.map((f) => f.subject.id)).toEqual(['ycx-clerk']);
    const departments = await w.evaluation.listKpis({ ...month, level: 'department' }, ycSupervisor);
    expect(departments.figures.map((f) => [f.subject.id, f.counts.completed])).toEqual([['620321-SCJG', 2]]);
  });

  it('redelivery, replay and a day marked twice give the same figures', async () => {
    const w = await world();
    const before = await w.evaluation.listKpis(month, ycSupervisor);
    // The same event again changes nothing (version guard) and marks nothing.
    expect(
      await w.apply(caseEvent(2, 'completed', '2026-11-04', { facts: { caseId: 'A', status: 'completed' } })),
    ).toBe(undefined);
    // The read recounted its own tenant's month (the sibling's days wait for the timer or its own reads).
    expect([...w.marks.keys()].filter((k) => k.startsWith('620321|'))).toEqual([]);
    // A replay into an empty projection: every day marked again, recounted from the facts.
    w.dayRows.clear();
    for (const day of ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-09', '2026-11-09']) {
      await w.evaluation.refreshKpis(); // interleaved passes
      w.marks.set(`620321|${day}`, { tenant: '620321', day, seq: 7 });
    }
    expect(await w.evaluation.listKpis(month, ycSupervisor)).toEqual(before);
  });
});

describe('ListKpis: vertical supervision (roll-up and drill-down), never a sibling', () => {
  it('a district reads its own tenant only; the sibling is refused', async () => {
    const w = await world();
    await expect(w.evaluation.listKpis({ ...month, tenant: '620302' }, ycSupervisor)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    await expect(
      w.evaluation.listKpis({ ...month, tenant: '620321', includeSubordinates: true }, jcqSupervisor),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await w.evaluation.listKpis(month, jcqSupervisor)).figures[0]!.counts.completed).toBe(1);
  });

  it('the city sees each district’s row and their sum, rates derived from the sum', async () => {
    const w = await world();
    const city = await w.evaluation.listKpis({ ...month, tenant: '620300', includeSubordinates: true }, citySupervisor);
    expect(city.figures.map((f) => [f.subject.tenant, f.counts.completed, f.counts.onTime])).toEqual([
      ['620302', 1, 1],
      ['620321', 2, 1],
    ]);
    expect(city.totals[0]!.subject).toEqual({ level: 'tenant', id: '620300', tenant: '620300' });
    expect(city.totals[0]!.counts.completed).toBe(3);
    expect(city.totals[0]!.rates.onTimeRate).toBeCloseTo(2 / 3);
    const drill = await w.evaluation.listKpis({ ...month, tenant: '620302' }, citySupervisor);
    expect(drill.figures[0]!.counts.accepted).toBe(1);
  });

  it('other roles are refused', async () => {
    const w = await world();
    await expect(w.evaluation.listKpis(month, who(['window_clerk'], '620321'))).rejects.toMatchObject({
      code: 'SUPERVISION_READ_FORBIDDEN',
    });
    expect((await w.evaluation.listKpis(month, who(['center_admin'], '620321'))).figures).toHaveLength(1);
  });
});

describe('ListKpis: bad input is refused naming each field', () => {
  const paths = async (q: Partial<ListKpisQuery>) => {
    const w = await world();
    const err = await w.evaluation.listKpis({ ...month, ...q }, ycSupervisor).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    return (err as ValidationError).violations.map((v) => [v.path, v.message]);
  };

  it('missing level and kind, malformed keys, order and span', async () => {
    expect(await paths({ level: undefined, periodKind: undefined })).toEqual([
      ['level', '请选择统计对象（地区、部门、窗口或人员）'],
      ['periodKind', '请选择统计周期（日、月、季度或年）'],
    ]);
    expect(await paths({ fromKey: '2026-13' })).toEqual([['fromKey', '开始期间应为有效的YYYY-MM格式']]);
    expect(await paths({ periodKind: 'quarter', fromKey: '2026-Q5' })).toEqual([
      ['fromKey', '开始期间应为有效的YYYY-Q1…Q4格式'],
    ]);
    expect(await paths({ fromKey: '2026-11', toKey: '2026-10' })).toEqual([['toKey', '结束期间不能早于开始期间']]);
    expect(await paths({ periodKind: 'month', fromKey: '2020-01', toKey: '2026-01' })).toEqual([
      ['toKey', '一次最多统计36个期间'],
    ]);
    expect(await paths({ subjectId: '620321' })).toEqual([['subjectId', '按地区统计时不能再指定统计对象']]);
    expect(await paths({ level: 'person', subjectId: 'bad name' })).toEqual([['subjectId', '统计对象标识格式不正确']]);
    expect(await paths({ tenant: '62032' })).toEqual([['tenant', '地区代码应为6位数字']]);
  });
});

describe('GetPublicStatistics: per department and window, no person, no token', () => {
  it('answers the month’s volumes and on-time rate; satisfaction reads no data', async () => {
    const w = await world();
    const s = await w.evaluation.getPublicStatistics({ tenant: '620321', month: '2026-11' });
    expect(s.total).toEqual({ id: '620321', accepted: 2, completed: 2, onTime: 1, onTimeRate: 0.5, ratings: 0 });
    expect(s.departments).toEqual([
      { id: '620321-SCJG', accepted: 2, completed: 2, onTime: 1, onTimeRate: 0.5, ratings: 0 },
    ]);
    expect(s.windows.map((r) => r.id)).toEqual(['w-1']);
    expect(JSON.stringify(s)).not.toContain('ycx-');
  });

  it('a month with nothing reads zeros; bad input is refused', async () => {
    const w = await world();
    const empty = await w.evaluation.getPublicStatistics({ tenant: '620321', month: '2026-10' });
    expect(empty.total).toEqual({ id: '620321', accepted: 0, completed: 0, onTime: 0, ratings: 0 });
    await expect(w.evaluation.getPublicStatistics({ tenant: '6203', month: '2026-12' })).rejects.toMatchObject({
      violations: [
        { path: 'tenant', message: '地区代码应为6位数字' },
        { path: 'month', message: '月份不能晚于本月' },
      ],
    });
  });
});

describe('RenderMonthlyBulletin: the figures ListKpis answers', () => {
  it('renders the tenant’s and departments’ figures of the month; a sibling is refused', async () => {
    const w = await world();
    const done = await w.evaluation.renderMonthlyBulletin({ tenant: '', month: '2026-11' }, ycSupervisor);
    expect(done.fileName).toBe('620321-2026-11-月通报.pdf');
    const bulletin = w.rendered[0] as MonthlyBulletin;
    const kpis = await w.evaluation.listKpis(month, ycSupervisor);
    expect(bulletin.total).toEqual(kpis.totals[0]);
    const departments = await w.evaluation.listKpis({ ...month, level: 'department' }, ycSupervisor);
    expect(bulletin.departments.map((d) => d.figures)).toEqual(departments.figures);
    await expect(
      w.evaluation.renderMonthlyBulletin({ tenant: '620302', month: '2026-11' }, ycSupervisor),
    ).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    await expect(
      w.evaluation.renderMonthlyBulletin({ tenant: '', month: '2026-1' }, ycSupervisor),
    ).rejects.toMatchObject({ violations: [{ path: 'month', message: '月份应为有效的YYYY-MM格式' }] });
    expect(w.rendered).toHaveLength(1);
  });
});

describe('RefreshKpis: a pass ends however fast days are marked again', () => {
  it('each mark once per pass, even when every recounted day is marked again meanwhile', async () => {
    const replaced: string[] = [];
    const keys = ['620321|2026-11-02', '620321|2026-11-03'];
    const refresh = refreshKpisUseCase({
      dirty: {
        mark: async () => undefined,
        markAll: async () => undefined,
        // Never forgotten: as if each day were marked again while it was recounted.
        pending: async (limit, after) =>
          keys
            .filter((k) => k > after)
            .slice(0, limit)
            .map((k) => ({ tenant: k.slice(0, 6), day: k.slice(7), seq: 1 })),
        done: async () => undefined,
      },
      days: { replaceDay: async (tenant, day) => void replaced.push(`${tenant}|${day}`), query: async () => [] },
      facts: {
        dayFacts: async (tenant, day) => ({ tenant, day, accepted: [], ended: [], signals: [], violations: [] }),
      },
      batch: 1,
    });
    expect(await refresh()).toBe(2);
    expect(
      await refresh({ tenant: '620321', includeSubordinates: false, firstDay: '2026-11-01', lastDay: '2026-11-30' }),
    ).toBe(2);
    expect(replaced).toEqual([...keys, ...keys]);
  });
});

describe('RenderDailyCheck: the day’s inspections, violations and signals', () => {
  const inspection = (id: string, date: string, tenant = '620321'): Inspection => ({
    id,
    tenant,
    windowId: 'w-1',
    date,
    inspector: 'ycx-supervisor',
    checklist: [
      { code: 'uniform', label: '统一着装', passed: true, note: '' },
      { code: 'badge', label: '佩戴工作牌', passed: false, note: '未佩戴工作牌' },
    ],
    photoFileIds: ['photo-1'],
    person: 'ycx-clerk',
    violationIds: [`${id}.badge`],
    recordedAt: new Date(`${date}T02:00:00Z`),
    requestId: `req-${id}-0001`,
  });

  it('lists the day’s inspections and violations (persons masked) and counts its signals by level and window', async () => {
    const w = await world();
    await w.inspections.insertOrGet(inspection('i-1', '2026-11-09'));
    await w.inspections.insertOrGet(inspection('i-0', '2026-11-08'));
    await w.inspections.insertOrGet(inspection('i-9', '2026-11-09', '620302'));
    const done = await w.evaluation.renderDailyCheck({ tenant: '', date: '2026-11-09' }, ycSupervisor);
    expect(done.fileName).toBe('620321-2026-11-09-日检查表.pdf');
    const sheet = w.rendered[0] as DailyCheck;
    expect(sheet.inspections).toEqual([
      {
        window: 'w-1',
        inspector: 'y***',
        person: 'y***',
        items: [
          { label: '统一着装', passed: true, note: '' },
          { label: '佩戴工作牌', passed: false, note: '未佩戴工作牌' },
        ],
        photos: 1,
      },
    ]);
    expect(sheet.violations).toEqual([
      {
        kind: 'decision_past_limit',
        caseNumber: '',
        department: '620321-SCJG',
        window: 'w-1',
        person: 'y***',
        summary: '超期办结',
      },
    ]);
    expect(sheet.summary).toContain('本日检查窗口 1 次，未通过检查项 1 项；记录违规 1 起');

    const raised = [...w.signals.values()].filter(
      (s) => s.tenant === '620321' && chinaToday(s.raisedAt) === '2026-11-06' && s.level !== 'none',
    );
    expect(raised.length).toBeGreaterThan(0);
    await w.evaluation.renderDailyCheck({ tenant: '620321', date: '2026-11-06' }, citySupervisor);
    const signalDay = w.rendered[1] as DailyCheck;
    const total = signalDay.signals.total;
    expect(total.warning + total.yellow + total.red).toBe(raised.length);
    expect(total.red).toBe(raised.filter((s) => s.level === 'red').length);
    expect(signalDay.signals.windows.reduce((n, x) => n + x.counts.warning + x.counts.yellow + x.counts.red, 0)).toBe(
      raised.length,
    );
    expect(signalDay.inspections).toEqual([]);
  });

  it('prints the names identity published (the latest version) in place of codes, in the sheet and the bulletin', async () => {
    const w = await world();
    await w.inspections.insertOrGet(inspection('i-1', '2026-11-09'));
    const record = w.evaluation.recordDisplayName;
    await record({ tenant: '620321', kind: 'window', code: 'w-1', name: '综合窗口（A01）', version: 2 });
    await record({ tenant: '620321', kind: 'window', code: 'w-1', name: '旧窗口名', version: 1 });
    await record({ tenant: '620321', kind: 'department', code: '620321-SCJG', name: '市场监督管理局', version: 1 });
    await record({
      tenant: '620302',
      kind: 'department',
      code: '620302-SCJG',
      name: '金川区市场监督管理局',
      version: 1,
    });
    await w.evaluation.renderDailyCheck({ tenant: '', date: '2026-11-09' }, ycSupervisor);
    const sheet = w.rendered[0] as DailyCheck;
    expect(sheet.inspections[0]!.window).toBe('综合窗口（A01）');
    expect(sheet.violations[0]).toMatchObject({ department: '市场监督管理局', window: '综合窗口（A01）' });
    await w.evaluation.renderMonthlyBulletin({ tenant: '', month: '2026-11' }, ycSupervisor);
    const bulletin = w.rendered[1] as MonthlyBulletin;
    expect(bulletin.departments.map((d) => [d.figures.subject.id, d.name])).toEqual([
      ['620321-SCJG', '市场监督管理局'],
    ]);
  });

  it('refuses a malformed or future date and a sibling tenant, rendering nothing', async () => {
    const w = await world();
    await expect(w.evaluation.renderDailyCheck({ tenant: '', date: '2026-11-31' }, ycSupervisor)).rejects.toMatchObject(
      { violations: [{ path: 'date', message: '日期应为有效的YYYY-MM-DD格式' }] },
    );
    await expect(w.evaluation.renderDailyCheck({ tenant: '', date: '2026-11-10' }, ycSupervisor)).rejects.toMatchObject(
      { violations: [{ path: 'date', reason: 'RANGE', message: '日期不能晚于今天' }] },
    );
    await expect(
      w.evaluation.renderDailyCheck({ tenant: '620321', date: '2026-11-09' }, jcqSupervisor),
    ).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    expect(w.rendered).toHaveLength(0);
  });
});

describe('readKpiFigures: the scoring’s read of the projection', () => {
  it('answers the figures ListKpis answers for the same tenant, level and period, days recounted first', async () => {
    const w = await world();
    for (const level of ['tenant', 'department', 'window', 'person'] as const) {
      const read = await w.evaluation.readKpiFigures('620321', level, { kind: 'month', key: '2026-11' });
      const listed = await w.evaluation.listKpis({ ...month, level }, ycSupervisor);
      expect(read).toEqual(listed.figures);
      expect(read.length).toBeGreaterThan(0);
    }
    const quarter = await w.evaluation.readKpiFigures('620321', 'person', { kind: 'quarter', key: '2026-Q4' });
    const listedQuarter = await w.evaluation.listKpis(
      { ...month, level: 'person', periodKind: 'quarter', fromKey: '2026-Q4' },
      ycSupervisor,
    );
    expect(quarter).toEqual(listedQuarter.figures);
    expect(quarter.find((f) => f.subject.id === 'ycx-clerk')?.counts.completed).toBe(1);
    expect(await w.evaluation.readKpiFigures('620321', 'tenant', { kind: 'quarter', key: '2026-Q5' })).toEqual([]);
  });
});
