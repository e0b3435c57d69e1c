import { VIOLATION_KIND_LABELS } from '@govhall/labels';
import { canonicalJson, defaultFonts, type Doc, pageNumber, type PdfFonts, renderPdf, sha256Hex } from '@govhall/pdf';
import { type DailyCheck, type LevelCounts } from '../../domain/evaluation/daily-check';
import type { DailyCheckRenderer } from '../../usecases/evaluation/evaluation.ports';
import { heading, MARGINS, note, paragraph, reportTitle, table } from './report-blocks';

/** An ideographic space between the fields of an inspection's line. */
const GAP = '\u3000';
const dayTitle = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const levelCells = (c: LevelCounts) => [String(c.warning), String(c.yellow), String(c.red)];

/**
 * The daily check sheet (日检查表) as an A4 PDF with @govhall/pdf's fonts: the day's inspections (each checklist
 * item passed or not, the findings, how many photos), its violations, its signals by level and window and the
 * summary line; persons masked; the content hash and page number on every page. The same sheet gives the same
 * bytes (the creation date is the day's end).
 */
export function pdfDailyCheckRenderer(fonts: PdfFonts = defaultFonts()): DailyCheckRenderer {
  return {
    async render(sheet: DailyCheck) {
      const contentHash = sha256Hex(canonicalJson(sheet));
      const pdf = await renderPdf(
        fonts,
        {
          title: `电子监察日检查表（${sheet.tenant} ${dayTitle(sheet.date)}）`,
          subject: '电子监察日检查表',
          author: `${sheet.tenant} 政务服务中心`,
          creationDate: new Date(`${sheet.date}T15:59:59Z`),
          margins: MARGINS,
          footer: (page, pages) => [`内容哈希（SHA-256）：${contentHash}`, pageNumber(page, pages)],
        },
        (doc) => draw(doc, sheet),
      );
      return { pdf, contentHash };
    },
  };
}

function draw(doc: Doc, s: DailyCheck): void {
  reportTitle(doc, '电子监察日检查表', `地区代码 ${s.tenant} · ${dayTitle(s.date)}`);

  heading(doc, '一、总体情况');
  paragraph(doc, s.summary);

  heading(doc, '二、窗口检查记录');
  if (s.inspections.length === 0) paragraph(doc, '本日无检查记录。');
  s.inspections.forEach((i, n) => {
    paragraph(
      doc,
      `${n + 1}. 窗口：${i.window}${GAP}检查人：${i.inspector}${GAP}被检查人员：${i.person || '—'}${GAP}` +
        `现场照片：${i.photos > 0 ? `${i.photos} 张` : '无'}`,
    );
    table(
      doc,
      ['*', 50, 200],
      ['检查项', '结果', '发现的问题'],
      i.items.map((e) => [e.label, e.passed ? '通过' : '未通过', e.note || '—']),
    );
    doc.moveDown(0.4);
  });

  heading(doc, '三、违规情况');
  if (s.violations.length === 0) paragraph(doc, '本日无违规记录。');
  else {
    table(
      doc,
      [64, 90, 70, 70, 40, '*'],
      ['类型', '办件编号', '部门', '窗口', '人员', '摘要'],
      s.violations.map((v) => [
        VIOLATION_KIND_LABELS[v.kind],
        v.caseNumber || '—',
        v.department || '—',
        v.window || '—',
        v.person || '—',
        v.summary,
      ]),
    );
    if (s.moreViolations > 0) note(doc, `另有 ${s.moreViolations} 起违规未列出，请在监察系统中查看。`);
  }

  heading(doc, '四、预警及红黄牌');
  table(
    doc,
    ['*', 60, 60, 60],
    ['窗口', '预警', '黄牌', '红牌'],
    [...s.signals.windows.map((w) => [w.window, ...levelCells(w.counts)]), ['合计', ...levelCells(s.signals.total)]],
  );

  note(doc, '说明：违规按发生日期计入当日，预警和红黄牌按发出时间（北京时间）计入当日。人员姓名已作脱敏处理。');
}
