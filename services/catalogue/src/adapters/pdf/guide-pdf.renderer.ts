import {
  chineseDate,
  type Doc,
  defaultFonts,
  INK,
  MUTED,
  pageNumber,
  type PdfFonts,
  renderPdf,
  type TextRun,
} from '@govhall/pdf';
import type { Guide, GuidePdfRenderer } from '../../usecases/public.ports';
import {
  CATEGORY_NAMES,
  DELIVERY_NAMES,
  KIND_NAMES,
  levelName,
  materialCopies,
  materialFormats,
  materialNecessity,
  ONLINE_DEPTH_NAMES,
  roleName,
  SERVICE_OBJECT_NAMES,
  timeLimit,
  yuan,
} from './guide-labels';

const ACCENT = '#1d4ed8';
const HEADER_FILL = '#eef2ff';
const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

type Row = string[];

/**
 * The service guide (办事指南) as an A4 PDF with Chinese text, page numbers and document metadata. Fonts, the
 * per-run fallback for rare ideographs and page numbering come from @govhall/pdf (ADR 0013, 0021).
 */
export class PdfkitGuideRenderer implements GuidePdfRenderer {
  // Loaded at construction: a missing font stops the service at boot rather than failing every download.
  constructor(private readonly fonts: PdfFonts = defaultFonts()) {}

  /** The text cut into runs of one font each: the main font, or the fallback for what only the fallback has. */
  runs(text: string): TextRun[] {
    return this.fonts.runs(text);
  }

  render(guide: Guide): Promise<Buffer> {
    const { item } = guide;
    return renderPdf(
      this.fonts,
      {
        title: `${item.name} 办事指南`,
        subject: `${guide.tenantName} ${guide.departmentName}`,
        author: guide.departmentName,
        creationDate: item.publishedAt ?? item.updatedAt,
        footer: (page, pages) => [pageNumber(page, pages)],
      },
      (doc) => writeGuide(doc, guide),
    );
  }
}

function writeGuide(doc: Doc, guide: Guide): void {
  const { item } = guide;
  const c = item.content;
  doc.fontSize(20).fillColor(INK).text(item.name, { align: 'center' });
  doc.moveDown(0.2).fontSize(13).fillColor(MUTED).text('办 事 指 南', { align: 'center' });
  const published = item.publishedAt ? `，${chineseDate(item.publishedAt)}发布` : '';
  const superseded = item.status === 'superseded' ? '（本版本已被新版本替代，仅供按本版本受理的办件查阅）' : '';
  doc
    .moveDown(0.3)
    .fontSize(9)
    .text(`${guide.tenantName} · ${guide.departmentName} · 第${item.edition}版${published}${superseded}`, {
      align: 'center',
    });
  doc.fillColor(INK).moveDown(0.8);

  const sections: [string, () => void][] = [
    ['基本信息', () => basics(doc, guide)],
    [
      '设定依据',
      () =>
        list(
          doc,
          c.legalBases.map((b) => `${b.law}${b.article}：${b.text}`),
        ),
    ],
    ['受理条件', () => list(doc, c.acceptanceConditions)],
    ['申请材料', () => materials(doc, guide)],
    ['办理时限', () => limits(doc, guide)],
    ['收费标准', () => fees(doc, guide)],
    ['办理流程', () => workflow(doc, guide)],
    ['办理地点、时间和联系方式', () => whereAndWhen(doc, guide)],
    ['常见问题', () => faq(doc, guide)],
  ];
  sections.forEach(([title, body], i) => {
    heading(doc, `${SECTION_NUMBERS[i]}、${title}`);
    body();
  });
}

function heading(doc: Doc, title: string): void {
  doc.moveDown(0.6);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  const x = doc.page.margins.left;
  doc.fontSize(13).fillColor(ACCENT).text(title, x);
  const y = doc.y + 2;
  doc
    .moveTo(x, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.6)
    .strokeColor(ACCENT)
    .stroke();
  doc.moveDown(0.4).fontSize(10).fillColor(INK);
}

function paragraph(doc: Doc, text: string): void {
  doc.fontSize(10).fillColor(INK).text(text, doc.page.margins.left, doc.y, { lineGap: 2 });
}

function list(doc: Doc, lines: string[]): void {
  if (lines.length === 0) return paragraph(doc, '无');
  lines.forEach((line, i) => paragraph(doc, `${i + 1}. ${line}`));
}

/** A bordered table whose first row is the header; widths are points or '*' (share of the rest). */
function table(doc: Doc, widths: (number | string)[], header: Row, rows: Row[]): void {
  doc.fontSize(9).fillColor(INK);
  doc.table({
    position: { x: doc.page.margins.left },
    columnStyles: widths,
    defaultStyle: { border: 0.5, borderColor: '#9ca3af', padding: [3, 4] },
    rowStyles: (i) => (i === 0 ? { backgroundColor: HEADER_FILL } : undefined),
    data: [header, ...rows],
  });
  doc.fontSize(10);
}

function basics(doc: Doc, guide: Guide): void {
  const { item } = guide;
  const c = item.content;
  const rows: Row[] = [
    ['事项名称', item.name],
    ['基本编码', item.basicCode],
    ['实施编码', c.implementationCode || '—'],
    ...(c.localCodes.length ? [['地方编码', c.localCodes.join('、')]] : []),
    ['事项类型', KIND_NAMES[item.kind] ?? item.kind],
    ['办件类型', CATEGORY_NAMES[item.handlingCategory]],
    ['实施主体', guide.departmentName],
    ['行使层级', levelName(c.level)],
    ['服务对象', SERVICE_OBJECT_NAMES[c.serviceObject]],
    ['网办深度', ONLINE_DEPTH_NAMES[c.onlineDepth]],
    ['到办事现场次数', `${c.visits}次`],
    ['送达方式', c.deliveryOptions.map((d) => DELIVERY_NAMES[d]).join('、') || '—'],
    ...(guide.coDepartmentNames.length ? [['协办部门', guide.coDepartmentNames.join('、')]] : []),
  ];
  table(doc, [110, '*'], ['项目', '内容'], rows);
}

function materials(doc: Doc, guide: Guide): void {
  const ms = guide.item.content.materials;
  if (ms.length === 0) return paragraph(doc, '无需提交材料');
  const rows = ms.map((m, i) => {
    const notes = [
      m.notes,
      m.satisfiedByLicenceType ? `可通过电子证照（${m.satisfiedByLicenceType}）免于提交` : '',
      m.blankFormFileId ? '提供空白表格下载' : '',
      m.sampleFileId ? '提供示例样表下载' : '',
    ].filter(Boolean);
    return [
      String(i + 1),
      m.name,
      materialNecessity(m),
      materialCopies(m),
      materialFormats(m),
      notes.join('；') || '—',
    ];
  });
  table(doc, [28, '*', 60, 80, 85, 95], ['序号', '材料名称', '必要性', '材料形式及份数', '电子材料格式', '备注'], rows);
}

function limits(doc: Doc, guide: Guide): void {
  const c = guide.item.content;
  paragraph(doc, `法定办结时限：${timeLimit(c.statutoryLimit)}`);
  paragraph(doc, `承诺办结时限：${timeLimit(c.promisedLimit)}`);
  for (const p of c.specialProcedures) {
    paragraph(doc, `特别程序：${p.name}，一般需${timeLimit(p.planned)}（不计入办理时限；依据：${p.legalBasis}）`);
  }
}

function fees(doc: Doc, guide: Guide): void {
  const lines = guide.item.content.fees;
  if (lines.length === 0) return paragraph(doc, '不收费');
  const rows = lines.map((f) => [f.name, f.formula ? f.formula : yuan(f.amountFen), f.legalBasis, f.reductions || '—']);
  table(doc, [110, 80, '*', 110], ['收费项目', '收费标准', '收费依据', '减免政策'], rows);
}

function workflow(doc: Doc, guide: Guide): void {
  const steps = guide.item.content.workflow;
  if (steps.length === 0) return paragraph(doc, '—');
  const rows = steps.map((s, i) => [
    String(i + 1),
    s.name,
    roleName(s.role),
    `${s.budgetWorkingDays}个工作日`,
    s.responsibleName,
    s.responsiblePhone,
  ]);
  table(doc, [28, 70, '*', 70, 70, 90], ['序号', '办理环节', '办理岗位', '环节时限', '责任人', '联系电话'], rows);
}

function whereAndWhen(doc: Doc, guide: Guide): void {
  const { location } = guide.item.content;
  const { center } = guide;
  const rows: Row[] = [
    ['办理地点', location.windowLocation || center.windowLocation],
    ['办理时间', location.hours || center.hours],
    ['咨询电话', location.consultationPhone || center.consultationPhone],
    ['监督投诉电话', location.complaintPhone || center.complaintPhone],
    ['政务服务中心', center.windowLocation],
    ['中心服务时间', center.hours],
  ];
  table(doc, [110, '*'], ['项目', '内容'], rows);
}

function faq(doc: Doc, guide: Guide): void {
  const entries = guide.item.content.faq;
  if (entries.length === 0) return paragraph(doc, '无');
  entries.forEach((f, i) => {
    paragraph(doc, `问${i + 1}：${f.question}`);
    doc.fillColor(MUTED);
    paragraph(doc, `答：${f.answer}`);
    doc.fillColor(INK).moveDown(0.3);
  });
}
