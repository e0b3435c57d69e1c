import type { Inspection } from '../inspections/inspection';
import { buildDailyCheck } from './daily-check';
import { CODES_ONLY, displayNames, type DisplayNames, windowDisplayName } from './display-names';

const inspection: Inspection = {
  id: 'i-1',
  tenant: '620321',
  windowId: 'w-2',
  date: '2026-11-30',
  inspector: 'ycx-supervisor',
  checklist: [
    { code: 'uniform', label: '统一着装', passed: false, note: '未着工装' },
    { code: 'badge', label: '佩戴工作牌', passed: false, note: '未佩戴工作牌' },
    { code: 'on_post', label: '在岗在位', passed: true, note: '' },
  ],
  photoFileIds: [],
  person: '王小明',
  violationIds: ['i-1.uniform', 'i-1.badge'],
  recordedAt: new Date('2026-11-30T02:00:00Z'),
  requestId: 'req-i-1-0001',
};

const names: DisplayNames = {
  window: (id) => ({ 'w-2': '2号窗口（市场监管）' })[id] ?? id,
  department: (code) => ({ '620321-SCJG': '市场监督管理局' })[code] ?? code,
};

describe('the daily check sheet', () => {
  const input = {
    tenant: '620321',
    date: '2026-11-30',
    inspections: [inspection],
    violations: [
      {
        kind: 'inspection_finding' as const,
        caseNumber: '',
        department: '',
        windowId: 'w-2',
        person: '王小明',
        summary: '2026-11-30日检查发现窗口人员王小明未做到“统一着装”：未着工装',
      },
      {
        kind: 'decision_past_limit' as const,
        caseNumber: '620321202611020002',
        department: '620321-SCJG',
        windowId: 'w-9',
        person: 'ycx-clerk',
        summary: '超期办结',
      },
    ],
    moreViolations: 3,
    signals: [
      { level: 'warning' as const, windowId: 'w-9' },
      { level: 'red' as const, windowId: 'w-2' },
      { level: 'yellow' as const, windowId: '' },
      { level: 'yellow' as const, windowId: 'w-2' },
      { level: 'none' as const, windowId: 'w-2' },
    ],
  };

  it('masks the persons and prints names where known, codes where not', () => {
    const sheet = buildDailyCheck({ ...input, names });
    expect(sheet.inspections[0]).toMatchObject({ window: '2号窗口（市场监管）', inspector: 'y***', person: '王**' });
    expect(sheet.violations.map((v) => [v.department, v.window, v.person])).toEqual([
      ['', '2号窗口（市场监管）', '王**'],
      ['市场监督管理局', 'w-9', 'y***'],
    ]);
    expect(sheet.violations[0]!.summary).toBe('2026-11-30日检查发现窗口人员王**未做到“统一着装”：未着工装');
    expect(buildDailyCheck(input).inspections[0]!.window).toBe('w-2');
  });

  it('counts the raised signals by level and window (no window last) and sums the day up', () => {
    const sheet = buildDailyCheck({ ...input, names: CODES_ONLY });
    expect(sheet.signals).toEqual({
      total: { warning: 1, yellow: 2, red: 1 },
      windows: [
        { window: 'w-2', counts: { warning: 0, yellow: 1, red: 1 } },
        { window: 'w-9', counts: { warning: 1, yellow: 0, red: 0 } },
        { window: '未指定窗口', counts: { warning: 0, yellow: 1, red: 0 } },
      ],
    });
    expect(sheet.summary).toBe(
      '本日检查窗口 1 次，未通过检查项 2 项；记录违规 5 起；发出预警 1 次、黄牌 2 次、红牌 1 次。',
    );
  });
});

describe('display names', () => {
  it('a window prints its name and number; a code without a (non-empty) name prints itself', () => {
    expect(windowDisplayName('市场监管综合受理窗口', 'A03')).toBe('市场监管综合受理窗口（A03）');
    const names = displayNames([
      { tenant: '620321', kind: 'department', code: '620321-SCJG', name: '市场监督管理局', version: 2 },
      { tenant: '620321', kind: 'window', code: 'w-1', name: '综合窗口（A01）', version: 1 },
      { tenant: '620321', kind: 'window', code: 'w-2', name: '', version: 1 },
    ]);
    expect(names.department('620321-SCJG')).toBe('市场监督管理局');
    expect(names.department('620321-ZRZY')).toBe('620321-ZRZY');
    expect(names.window('w-1')).toBe('综合窗口（A01）');
    expect(names.window('w-2')).toBe('w-2');
    // A department code is not a window's name.
    expect(names.window('620321-SCJG')).toBe('620321-SCJG');
  });
});
