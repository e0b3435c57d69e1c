import { SIGNAL_LEVEL_NAMES, VIOLATION_KIND_LABELS } from '@govhall/labels';
import { canonicalJson, defaultFonts, type Doc, pageNumber, type PdfFonts, renderPdf, sha256Hex } from '@govhall/pdf';
import type { KpiFigures } from '../../domain/evaluation/kpi';
import { periodRange } from '../../domain/evaluation/kpi-period';
import { formatRate, type MonthlyBulletin } from '../../domain/evaluation/monthly-bulletin';
import type { BulletinRenderer } from '../../usecases/evaluation/evaluation.ports';
import { heading, MARGINS, note, paragraph, reportTitle, table } from './report-blocks';

/** The figure columns of the department table, in order (the same words as the console). */
export const DEPARTMENT_COLUMNS = [
  '排名',
  '部门',
  '受理',
  '办结',
  '按时办结',
  '按时办结率',
  '提前办结',
  '预警',
  '黄牌',
  '红牌',
  '违规',
];

/** One department's (or the total's) cells after its rank and name: the figures as ListKpis answers them. */
export function figureCells(f: KpiFigures): string[] {
  const c = f.counts;
  return [
    String(c.accepted),
    String(c.completed),
    String(c.onTime),
    formatRate(f.rates.onTimeRate),
    String(c.early),
    String(c.warnings),
    String(c.yellowCards),
    String(c.redCards),
    String(c.violations),
  ];
}

const monthTitle = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/**
 * The monthly bulletin (月通报) as an A4 PDF with @govhall/pdf's fonts: the center's figures, each department's
 * ranked, the month's red and yellow cards and violations (persons masked), and on every page the content hash and
 * the page number. The same bulletin gives the same bytes (the creation date is the month's last day).
 */
export function pdfBulletinRenderer(fonts: PdfFonts = defaultFonts()): BulletinRenderer {
  return {
    async render(b: MonthlyBulletin) {
      const contentHash = sha256Hex(canonicalJson(b));
      const lastDay = periodRange({ kind: 'month', key: b.month })!.lastDay;
      const pdf = await renderPdf(
        fonts,
        {
          title: `电子监察月通报（${b.tenant} ${monthTitle(b.month)}）`,
          subject: '电子监察月通报',
          author: `${b.tenant} 政务服务中心`,
          creationDate: new Date(`${lastDay}T15:59:59Z`),
          margins: MARGINS,
          footer: (page, pages) => [`内容哈希（SHA-256）：${contentHash}`, pageNumber(page, pages)],
        },
        (doc) => draw(doc, b),
      );
      return { pdf, contentHash };
    },
  };
}

function draw(doc: Doc, b: MonthlyBulletin): void {
  reportTitle(doc, '电子监察月通报', `地区代码 ${b.tenant} · ${monthTitle(b.month)}`);

  heading(doc, '一、总体情况');
  const c = b.total.counts;
  const r = b.total.rates;
  paragraph(
    doc,
    `本月受理 ${c.accepted} 件，办结 ${c.completed} 件，其中按时办结 ${c.onTime} 件、提前办结 ${c.early} 件，` +
      `按时办结率 ${formatRate(r.onTimeRate)}，提前办结率 ${formatRate(r.earlyRate)}；` +
      `发出预警 ${c.warnings} 次、黄牌 ${c.yellowCards} 次、红牌 ${c.redCards} 次；记录违规 ${c.violations} 起。` +
      `满意度：${formatRate(r.satisfactionRate)}。`,
  );

  heading(doc, '二、各部门办理情况（按按时办结率排名）');
  if (b.departments.length === 0) paragraph(doc, '本月各部门无办件、红黄牌或违规记录。');
  else {
    table(doc, [30, '*', 34, 34, 44, 54, 44, 34, 34, 34, 34], DEPARTMENT_COLUMNS, [
      ...b.departments.map((d) => [String(d.rank), d.name, ...figureCells(d.figures)]),
      ['', '合计', ...figureCells(b.total)],
    ]);
  }

  heading(doc, '三、红黄牌情况');
  if (b.cards.length === 0) paragraph(doc, '本月无红牌、黄牌。');
  else {
    table(
      doc,
      [58, 30, 100, 66, 44, '*'],
      ['日期', '等级', '办件编号', '部门', '责任人', '原因'],
      b.cards.map((k) => [k.day, SIGNAL_LEVEL_NAMES[k.level], k.caseNumber, k.department, k.person || '—', k.reason]),
    );
    if (b.moreCards > 0) note(doc, `另有 ${b.moreCards} 条红黄牌未列出，请在监察系统中查看。`);
  }

  heading(doc, '四、违规情况');
  if (b.violations.length === 0) paragraph(doc, '本月无违规记录。');
  else {
    table(
      doc,
      [58, 64, 100, 66, 40, '*'],
      ['日期', '类型', '办件编号', '部门', '人员', '摘要'],
      b.violations.map((v) => [
        v.day,
        VIOLATION_KIND_LABELS[v.kind],
        v.caseNumber || '—',
        v.department || '—',
        v.person || '—',
        v.summary,
      ]),
    );
    if (b.moreViolations > 0) note(doc, `另有 ${b.moreViolations} 起违规未列出，请在监察系统中查看。`);
  }

  note(
    doc,
    '说明：办件按办结日期计入当月，受理数按受理日期计入；按时办结率 = 按时办结 ÷ 办结；无办结时显示“无数据”。' +
      '满意度待好差评接入后统计。人员姓名已作脱敏处理。',
  );
}
