import { compact, keepSample, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import { buildDailyCheck } from '../../domain/evaluation/daily-check';
import { pdfDailyCheckRenderer } from './daily-check.renderer';

const sheet = buildDailyCheck({
  tenant: '620321',
  date: '2026-11-30',
  inspections: [
    {
      id: 'i-1',
      tenant: '620321',
      windowId: 'w-2',
      date: '2026-11-30',
      inspector: 'ycx-supervisor',
      checklist: [
        { code: 'uniform', label: '统一着装', passed: true, note: '' },
        { code: 'badge', label: '佩戴工作牌', passed: false, note: '未佩戴工作牌' },
      ],
      photoFileIds: ['p-1', 'p-2'],
      person: '王小明',
      violationIds: ['i-1.badge'],
      recordedAt: new Date('2026-11-30T02:00:00Z'),
      requestId: 'req-i-1-0001',
    },
  ],
  violations: [
    {
      kind: 'inspection_finding',
      caseNumber: '',
      department: '',
      windowId: 'w-2',
      person: '王小明',
      summary: '未佩戴工作牌',
    },
  ],
  moreViolations: 1,
  signals: [
    { level: 'red', windowId: 'w-2' },
    { level: 'warning', windowId: 'w-2' },
  ],
  names: { window: (id) => (id === 'w-2' ? '2号窗口' : id), department: (c) => c },
});

describe('the daily check PDF', () => {
  it('prints the inspection’s items, the violations, the signals by window and the summary; persons masked', async () => {
    const { pdf, contentHash } = await pdfDailyCheckRenderer().render(sheet);
    keepSample('daily-check', pdf);
    const text = compact((await textOf(pdf)).text);
    expect(text).toContain('电子监察日检查表');
    expect(text).toContain(compact('2026年11月30日'));
    expect(text).toContain(compact('窗口：2号窗口'));
    expect(text).toContain(compact('现场照片：2 张'));
    expect(text).toContain(compact('统一着装通过'));
    expect(text).toContain(compact('佩戴工作牌未通过未佩戴工作牌'));
    expect(text).toContain(compact('2号窗口101'));
    expect(text).toContain(compact('合计101'));
    expect(text).toContain(compact(sheet.summary));
    expect(text).toContain('另有1起违规未列出');
    expect(text).toContain('王**');
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('ycx-supervisor');
    expect(text).toContain(contentHash);
  });

  it('the same sheet gives the same bytes', async () => {
    const renderer = pdfDailyCheckRenderer();
    const [a, b] = await Promise.all([renderer.render(sheet), renderer.render(sheet)]);
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });
});
