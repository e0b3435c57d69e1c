import {
  defaultFonts,
  renderOfficialDocument,
  type Block,
  type OfficialDocumentSpec,
  type PdfFonts,
} from '@govhall/pdf';
import { GRADE_NAMES } from '../../domain/evaluation/scoring/grade';
import { formatPoints } from '../../domain/evaluation/scoring/measures';
import { parsePeriodKey, periodName } from '../../domain/evaluation/kpi-period';
import type { AssessmentRenderer, QuarterlyAssessment } from '../../usecases/scoring/scoring.ports';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number) => (n < ORDINALS.length ? ORDINALS[n] : String(n + 1));

/** The 季考核 as an official document: a summary table, then each department's indicator and deduction lines. */
export function quarterlyAssessmentSpec(a: QuarterlyAssessment): OfficialDocumentSpec {
  const period = periodName(parsePeriodKey(a.period) ?? { kind: 'quarter', key: a.period });
  const name = (code: string) => a.departmentNames[code] || code;
  const standard = a.standardVersion === 0 ? '默认考核标准' : `考核标准第${a.standardVersion}版`;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `根据“日检查、周考勤、月通报、季考核”制度，按${standard}，对各进驻部门${period}的办件时效、满意度、违规及责任追究情况进行量化考核，结果如下。`,
    },
  ];
  if (a.scores.length === 0) {
    blocks.push({ kind: 'paragraph', text: '本季度无可考核的部门。' });
  } else {
    blocks.push({ kind: 'heading', text: '考核结果汇总' });
    blocks.push({
      kind: 'table',
      header: ['部门', '得分及等次'],
      labelWidth: 200,
      rows: a.scores.map((s) => [name(s.subject.id), `${formatPoints(s.total)} 分，${GRADE_NAMES[s.grade]}`]),
    });
    a.scores.forEach((s, n) => {
      blocks.push({
        kind: 'heading',
        text: `${ordinal(n)}、${name(s.subject.id)}：${formatPoints(s.total)} 分，${GRADE_NAMES[s.grade]}`,
      });
      blocks.push({
        kind: 'list',
        items: [
          ...s.indicators.map((i) => ({
            text: i.line,
            detail: `得 ${formatPoints(i.points)} 分（满分 ${formatPoints(i.fullMarks)} 分）`,
          })),
          ...s.deductions.map((d) => ({ text: d.line })),
        ],
      });
      blocks.push({
        kind: 'note',
        text: `指标得分 ${formatPoints(s.indicatorPoints)} 分，扣减 ${formatPoints(s.deductionPoints)} 分，合计 ${formatPoints(s.total)} 分。`,
      });
    });
  }
  return {
    issuingBody: `政务服务中心（${a.tenant}）`,
    title: `${period}考核结果通报`,
    blocks,
    date: a.madeAt,
    signature: `政务服务中心（${a.tenant}）`,
    createdAt: a.madeAt,
    subject: `季考核 ${a.tenant} ${a.period}`,
    keywords: '季考核,电子监察',
  };
}

export function pdfAssessmentRenderer(fonts: PdfFonts = defaultFonts()): AssessmentRenderer {
  return { render: (a) => renderOfficialDocument(fonts, quarterlyAssessmentSpec(a)) };
}
