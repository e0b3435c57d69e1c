import { compact, keepSample, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import { emptyCounts, ratesOf, type KpiFigures } from '../../domain/evaluation/kpi';
import { buildMonthlyBulletin } from '../../domain/evaluation/monthly-bulletin';
import { DEPARTMENT_COLUMNS, figureCells, pdfBulletinRenderer } from './monthly-bulletin.renderer';

const figures = (
  level: 'tenant' | 'department',
  id: string,
  more: Partial<ReturnType<typeof emptyCounts>>,
): KpiFigures => {
  const counts = { ...emptyCounts(), ...more };
  return {
    subject: { level, id, tenant: '620321' },
    period: { kind: 'month', key: '2026-11' },
    counts,
    rates: ratesOf(counts),
  };
};

const bulletin = buildMonthlyBulletin({
  tenant: '620321',
  month: '2026-11',
  total: figures('tenant', '620321', {
    accepted: 12,
    completed: 9,
    onTime: 7,
    early: 3,
    yellowCards: 2,
    redCards: 1,
    violations: 2,
  }),
  departments: [
    figures('department', '620321-SCJG', {
      accepted: 8,
      completed: 6,
      onTime: 4,
      early: 2,
      yellowCards: 2,
      redCards: 1,
      violations: 2,
    }),
    figures('department', '620321-ZRZY', { accepted: 4, completed: 3, onTime: 3, early: 1 }),
  ],
  cards: [
    {
      day: '2026-11-06',
      level: 'yellow',
      caseNumber: '620321202611020002',
      itemName: '食品经营许可',
      department: '620321-SCJG',
      person: 'ycx-clerk',
      reason: '超过承诺办结时限',
    },
  ],
  moreCards: 2,
  violations: [
    {
      day: '2026-11-09',
      kind: 'decision_past_limit',
      caseNumber: '620321202611020002',
      department: '620321-SCJG',
      person: '张三丰',
      summary: '超过承诺时限作出决定',
    },
  ],
  moreViolations: 1,
  names: { department: (code) => (code === '620321-SCJG' ? '市场监督管理局' : code), window: (id) => id },
});

describe('the monthly bulletin PDF', () => {
  it('prints each department’s figures in rank order, the total, the cards and violations with persons masked', async () => {
    const { pdf, contentHash } = await pdfBulletinRenderer().render(bulletin);
    keepSample('monthly-bulletin', pdf);
    const text = compact((await textOf(pdf)).text);
    expect(text).toContain('电子监察月通报');
    expect(text).toContain(compact(DEPARTMENT_COLUMNS.join('')));
    // 620321-ZRZY (100%) ranks before 620321-SCJG (66.7%).
    const zrzy = compact(['1', '620321-ZRZY', ...figureCells(bulletin.departments[0]!.figures)].join(''));
    const scjg = compact(['2', '市场监督管理局', '8', '6', '4', '66.7%', '2', '0', '2', '1', '2'].join(''));
    expect(text).toContain(zrzy);
    expect(text).toContain(scjg);
    expect(text.indexOf(zrzy)).toBeLessThan(text.indexOf(scjg));
    expect(text).toContain(compact(['合计', '12', '9', '7', '77.8%', '3', '0', '2', '1', '2'].join('')));
    expect(text).toContain('y***');
    expect(text).toContain('张**');
    expect(text).not.toContain('ycx-clerk');
    expect(text).not.toContain('张三丰');
    expect(text).toContain('另有2条红黄牌未列出');
    expect(text).toContain(contentHash);
  });

  it('the same bulletin gives the same bytes', async () => {
    const renderer = pdfBulletinRenderer();
    const [a, b] = await Promise.all([renderer.render(bulletin), renderer.render(bulletin)]);
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });
});
