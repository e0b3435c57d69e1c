import { compact, keepSample, textOf } from '@govhall/pdf/src/pdf-inspection.test-double';
import { emptyCounts, ratesOf } from '../../domain/evaluation/kpi';
import { scoreSubject } from '../../domain/evaluation/scoring/score-subject';
import { defaultStandard } from '../../domain/evaluation/scoring/scoring-standard';
import { pdfAssessmentRenderer } from './quarterly-assessment.pdf';

const period = { kind: 'quarter' as const, key: '2026-Q4' };
const department = (id: string, completed: number, onTime: number) => {
  const counts = { ...emptyCounts(), completed, onTime, online: completed };
  return { subject: { tenant: '620321', level: 'department' as const, id }, period, counts, rates: ratesOf(counts) };
};

describe('the quarterly assessment PDF', () => {
  it('shows each department’s score, grade and explanation lines', async () => {
    const standard = defaultStandard('620321');
    const scores = [
      scoreSubject(standard, department('620321-SCJG', 25, 24), { violations: ['decision_past_limit'], sanctions: [] }),
      scoreSubject(standard, department('620321-GTJ', 10, 6), { violations: [], sanctions: ['admonitory_talk'] }),
    ];
    const pdf = await pdfAssessmentRenderer().render({
      tenant: '620321',
      period: '2026-Q4',
      standardVersion: 0,
      scores,
      madeAt: new Date('2026-12-04T02:00:00Z'),
      departmentNames: { '620321-SCJG': '市场监督管理局' },
    });
    const { text } = await textOf(pdf);
    const all = compact(text);
    expect(all).toContain(compact('2026年第4季度考核结果通报'));
    expect(all).toContain(compact('一、市场监督管理局：96 分，优秀'));
    expect(all).toContain(compact('二、620321-GTJ：78 分，合格'));
    for (const s of scores)
      for (const line of [...s.indicators.map((i) => i.line), ...s.deductions.map((d) => d.line)])
        expect(all).toContain(compact(line));
    keepSample('quarterly-assessment', pdf);
  });
});
