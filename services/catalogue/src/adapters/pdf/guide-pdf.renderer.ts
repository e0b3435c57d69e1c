import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { Guide, GuidePdfRenderer } from '../../usecases/public.ports';
import {
  CATEGORY_NAMES,
  chineseDate,
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

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1, from @expo-google-fonts/noto-sans-sc, a static TrueType build
 * of Google Fonts' Noto Sans SC). pdfkit embeds only the glyphs a guide uses (a subset, with a ToUnicode map so
 * the text can be searched and copied), so a guide stays a few tens of KB although the font is 10 MB.
 * The font is parsed once and the parsed font handed to pdfkit: given the file's bytes, pdfkit's tables re-parse
 * the 10 MB font for every cell (seconds per guide).
 */
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT = 'NotoSansSC';
/**
 * Fallback for characters Noto Sans SC lacks: rare ideographs of CJK Extensions B–F (U+20000–U+2EBEF), found in
 * personal and place names. HanaMinB of the Hanazono fonts (GlyphWiki project; Hanazono Font License or SIL OFL
 * 1.1), from Debian's package fonts-hanazono, which deploy/stack/provision.sh and the image install. Like the main
 * font, only the glyphs a guide uses are embedded. ADR 0013.
 */
export const FALLBACK_FONT_FILE = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf';
const FALLBACK = 'HanaMinB';
const INK = '#1f2937';
const ACCENT = '#1d4ed8';
const MUTED = '#6b7280';
const HEADER_FILL = '#eef2ff';
const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

type Doc = PDFKit.PDFDocument;
type Row = string[];

/** The service guide (办事指南) as an A4 PDF with Chinese text, page numbers and document metadata. */
export class PdfkitGuideRenderer implements GuidePdfRenderer {
  private readonly font: fontkit.Font;
  private readonly fallback: fontkit.Font;

  constructor(fontFile: string = FONT_FILE, fallbackFontFile: string = FALLBACK_FONT_FILE) {
    // Read once at start: a missing font stops the service at boot rather than failing every download.
    this.font = openFont(fontFile);
    this.fallback = withMetricsOf(this.font, openFont(fallbackFontFile, 'install the Debian package fonts-hanazono'));
  }

  /** The text cut into runs of one font each: the main font, or the fallback for what only the fallback has. */
  runs(text: string): TextRun[] {
    const runs: TextRun[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      const font = !this.font.hasGlyphForCodePoint(cp) && this.fallback.hasGlyphForCodePoint(cp) ? FALLBACK : FONT;
      const last = runs[runs.length - 1];
      if (last?.font === font) last.text += ch;
      else runs.push({ font, text: ch });
    }
    return runs;
  }

  render(guide: Guide): Promise<Buffer> {
    const { item } = guide;
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: `${item.name} 办事指南`,
        Subject: `${guide.tenantName} ${guide.departmentName}`,
        Author: guide.departmentName,
        Creator: 'GovHall',
        CreationDate: item.publishedAt ?? item.updatedAt,
      },
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    // pdfkit accepts a parsed fontkit font where its types only list file sources.
    doc.registerFont(FONT, this.font as unknown as Buffer);
    doc.registerFont(FALLBACK, this.fallback as unknown as Buffer);
    switchFontsPerRun(doc, (text) => this.runs(text));
    doc.font(FONT).fillColor(INK);
    writeGuide(doc, guide);
    numberPages(doc);
    doc.end();
    return done;
  }
}

export interface TextRun {
  font: string;
  text: string;
}

function openFont(file: string, hint = ''): fontkit.Font {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`guide PDF font ${file} cannot be read${hint ? ` (${hint})` : ''}: ${String(e)}`);
  }
  const parsed = fontkit.create(bytes);
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a single font`);
  return parsed;
}

/**
 * The fallback font with the main font's vertical metrics (ascent, descent, line gap, scaled to its units), so a
 * run in either font sits on the same baseline and a line keeps its height whatever fonts it mixes.
 */
function withMetricsOf(main: fontkit.Font, fallback: fontkit.Font): fontkit.Font {
  // Multiplied before divided: pdfkit scales back by 1000 / unitsPerEm, and must get the main font's line height
  // exactly (a table cell one line high drops a fragment whose line is a rounding error taller).
  const scaled = (value: number) => (value * fallback.unitsPerEm) / main.unitsPerEm;
  const metrics: Record<string, number> = {
    ascent: scaled(main.ascent),
    descent: scaled(main.descent),
    lineGap: scaled(main.lineGap),
  };
  return new Proxy(fallback, {
    get: (target, key, receiver) =>
      typeof key === 'string' && key in metrics ? metrics[key] : (Reflect.get(target, key, receiver) as unknown),
  });
}

/**
 * Makes every doc.text call (paragraphs and pdfkit's table cells alike) write a text that needs the fallback font
 * as consecutive runs (pdfkit's `continued`), each in its own font, then return to the main font. Layout measures
 * with the main font, whose missing-glyph advance (1 em) is the fallback ideographs' advance too.
 */
function switchFontsPerRun(doc: Doc, runsOf: (text: string) => TextRun[]): void {
  const write = doc.text.bind(doc) as (text: string, ...args: unknown[]) => Doc;
  const patched = (text: unknown, x?: unknown, y?: unknown, options?: unknown): Doc => {
    const runs = typeof text === 'string' ? runsOf(text) : [];
    if (runs.length < 2 && runs[0]?.font !== FALLBACK) return write(text as string, x, y, options);
    const x0 = doc.x;
    let [at, opts] =
      typeof x === 'object' && x !== null
        ? [[] as unknown[], x as PDFKit.Mixins.TextOptions]
        : [[x, y], (options ?? {}) as PDFKit.Mixins.TextOptions];
    let centred = false;
    if (opts.align === 'center') {
      // pdfkit centres each continued fragment on its own: centre the whole line here when it fits on one.
      const left = typeof at[0] === 'number' ? at[0] : doc.page.margins.left;
      const width = opts.width ?? doc.page.width - doc.page.margins.right - left;
      const total = runs.reduce((sum, run) => sum + doc.font(run.font).widthOfString(run.text), 0);
      if (total <= width) {
        centred = true;
        at = [left + (width - total) / 2, at[1] ?? doc.y];
        opts = { ...opts, align: 'left', width: width - (width - total) / 2 };
      }
    }
    // The fallback's advances (1024 units per em) add up to a hair more than the main font measured the text with:
    // a text that just fitted its cell must still fit, or pdfkit would drop its last fragment.
    if (opts.width !== undefined) opts = { ...opts, width: opts.width + 0.01 };
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1 || opts.continued === true;
      doc.font(run.font);
      // Every fragment gets the caller's options: a fragment without them loses its width and height limits.
      if (i === 0) write(run.text, ...at, { ...opts, continued });
      else write(run.text, { ...opts, continued });
    });
    if (centred) doc.x = x0; // as after a centred text: the next one starts at the same left edge
    return doc.font(FONT);
  };
  doc.text = patched as Doc['text'];
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

/** 第 x 页 / 共 y 页 at the foot of every page. */
function numberPages(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc
      .fontSize(8)
      .fillColor(MUTED)
      .text(`第 ${i + 1} 页 / 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - 36, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
