import { chineseDate } from '../chinese-date';
import { type Doc, INK, MUTED, pageNumber, renderPdf } from '../document';
import type { PdfFonts } from '../fonts';
import { drawQrCode } from './qr-code';
import { drawSeal, SEAL_RED } from './seal';
import type { Block, GridBlock, ListBlock, OfficialDocumentSpec, TableBlock } from './spec';

const BODY_SIZE = 12;
const BODY_GAP = 4;
const QR_SIZE = 68;
const SEAL_RADIUS = 46;
const MARGINS = { top: 52, bottom: 84, left: 64, right: 64 };

/**
 * An official document as an A4 PDF: issuing body, number, title, addressee, body, signature with the seal and
 * date, and on every page the content hash, an optional note and 第 x 页 / 共 y 页. Deterministic: the same spec
 * (its `createdAt` included) gives the same bytes.
 */
export function renderOfficialDocument(fonts: PdfFonts, spec: OfficialDocumentSpec): Promise<Buffer> {
  const footer = (page: number, pages: number): string[] => [
    ...(spec.footerNote ? [spec.footerNote] : []),
    ...(spec.contentHash ? [`内容哈希（SHA-256）：${spec.contentHash}`] : []),
    pageNumber(page, pages),
  ];
  return renderPdf(
    fonts,
    {
      title: spec.documentNumber ? `${spec.title}（${spec.documentNumber}）` : spec.title,
      author: spec.issuingBody,
      ...(spec.subject ? { subject: spec.subject } : {}),
      ...(spec.keywords ? { keywords: spec.keywords } : {}),
      creationDate: spec.createdAt,
      margins: MARGINS,
      footer,
    },
    (doc) => {
      if (spec.layout === 'certificate') {
        frame(doc);
        doc.on('pageAdded', () => frame(doc));
        certificateHead(doc, spec);
      } else {
        noticeHead(doc, spec);
      }
      if (spec.addressee) {
        doc.moveDown(0.8).fontSize(BODY_SIZE).fillColor(INK).text(`${spec.addressee}：`, left(doc), doc.y);
        doc.moveDown(0.3);
      }
      for (const block of spec.blocks) writeBlock(doc, block);
      signatureAndSeal(doc, spec);
    },
  );
}

const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** The red head: issuing body, document number, red rule, then the title; the QR code at the top right. */
function noticeHead(doc: Doc, spec: OfficialDocumentSpec): void {
  const top = doc.page.margins.top;
  // With a QR code the head is centred between equal side bands, so it never runs under the code.
  const band = spec.qrCode ? QR_SIZE + 8 : 0;
  const x = left(doc) + band;
  const width = contentWidth(doc) - 2 * band;
  if (spec.qrCode) qrCode(doc, spec.qrCode.payload, spec.qrCode.caption, top - 8);
  doc
    .fontSize(22)
    .fillColor(SEAL_RED)
    .text(spec.issuingBody, x, top + 6, { width, align: 'center', characterSpacing: 2 });
  if (spec.documentNumber) {
    doc.moveDown(0.5).fontSize(11).fillColor(INK).text(spec.documentNumber, x, doc.y, { width, align: 'center' });
  }
  const ruleY = Math.max(doc.y + 6, spec.qrCode ? top + QR_SIZE + 14 : 0);
  doc
    .moveTo(left(doc), ruleY)
    .lineTo(left(doc) + contentWidth(doc), ruleY)
    .lineWidth(1.5)
    .strokeColor(SEAL_RED)
    .stroke();
  doc.y = ruleY + 14;
  doc
    .fontSize(20)
    .fillColor(INK)
    .text(spec.title, left(doc), doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.3);
}

/** A licence's head: the title large and spaced, the number under it; the QR code at the top right. */
function certificateHead(doc: Doc, spec: OfficialDocumentSpec): void {
  const top = doc.page.margins.top;
  if (spec.qrCode) qrCode(doc, spec.qrCode.payload, spec.qrCode.caption, top + 4);
  const band = spec.qrCode ? QR_SIZE + 8 : 0;
  const x = left(doc) + band;
  const width = contentWidth(doc) - 2 * band;
  doc
    .fontSize(26)
    .fillColor(INK)
    .text(spec.title, x, top + 24, { width, align: 'center', characterSpacing: 6 });
  if (spec.documentNumber) {
    doc.moveDown(0.6).fontSize(11).fillColor(INK).text(spec.documentNumber, x, doc.y, { width, align: 'center' });
  }
  doc.y = Math.max(doc.y + 16, spec.qrCode ? top + QR_SIZE + 34 : 0);
}

/** The double border of a certificate page. */
function frame(doc: Doc): void {
  const inset = 22;
  const { width, height } = doc.page;
  doc.save().strokeColor('#8b5a2b');
  doc
    .lineWidth(2.5)
    .rect(inset, inset, width - 2 * inset, height - 2 * inset)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(inset + 5, inset + 5, width - 2 * inset - 10, height - 2 * inset - 10)
    .stroke();
  doc.restore();
}

function qrCode(doc: Doc, payload: string, caption: string | undefined, y: number): void {
  const x = left(doc) + contentWidth(doc) - QR_SIZE;
  drawQrCode(doc, payload, x, y, QR_SIZE);
  if (caption) {
    const captionWidth = QR_SIZE + 24;
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(caption, x + QR_SIZE / 2 - captionWidth / 2, y + QR_SIZE + 2, {
        width: captionWidth,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.fillColor(INK);
}

function writeBlock(doc: Doc, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      doc
        .fontSize(BODY_SIZE)
        .fillColor(INK)
        .text(block.text, left(doc), doc.y, {
          width: contentWidth(doc),
          lineGap: BODY_GAP,
          indent: block.indent === false ? 0 : 2 * BODY_SIZE,
          align: block.align ?? 'left',
        });
      doc.moveDown(0.2);
      return;
    case 'heading':
      keepSpace(doc, 60);
      doc
        .moveDown(0.4)
        .fontSize(13)
        .fillColor(INK)
        .text(block.text, left(doc), doc.y, { width: contentWidth(doc) });
      doc.moveDown(0.3);
      return;
    case 'list':
      return list(doc, block);
    case 'table':
      return table(doc, block);
    case 'grid':
      return grid(doc, block);
    case 'note':
      doc
        .moveDown(0.2)
        .fontSize(9.5)
        .fillColor(MUTED)
        .text(block.text, left(doc), doc.y, { width: contentWidth(doc), lineGap: 3 });
      doc.fillColor(INK).moveDown(0.3);
      return;
  }
}

/** 1. 2. 3. with a hanging indent; an item's detail under its text, muted. */
function list(doc: Doc, block: ListBlock): void {
  const numberWidth = BODY_SIZE * (String(block.items.length).length + 1.2);
  const x = left(doc) + 2 * BODY_SIZE;
  const width = contentWidth(doc) - 2 * BODY_SIZE - numberWidth;
  block.items.forEach((item, i) => {
    keepSpace(doc, 2 * (BODY_SIZE + BODY_GAP) + 4);
    const y = doc.y;
    doc
      .fontSize(BODY_SIZE)
      .fillColor(INK)
      .text(`${i + 1}.`, x, y, { lineBreak: false });
    doc.text(item.text, x + numberWidth, y, { width, lineGap: BODY_GAP });
    if (item.detail) {
      doc
        .fontSize(10.5)
        .fillColor(MUTED)
        .text(item.detail, x + numberWidth, doc.y, { width, lineGap: 3 });
      doc.fillColor(INK);
    }
    doc.moveDown(0.25);
  });
  doc.x = left(doc);
}

function table(doc: Doc, block: TableBlock): void {
  doc.moveDown(0.2).fontSize(10.5).fillColor(INK);
  const data: string[][] = [...(block.header ? [block.header] : []), ...block.rows.map(([k, v]) => [k, v || '—'])];
  doc.table({
    position: { x: left(doc) },
    maxWidth: contentWidth(doc),
    defaultStyle: { border: 0.5, borderColor: '#9ca3af', padding: [3, 6] },
    rowStyles: (i) => (block.header && i === 0 ? { backgroundColor: '#f3f4f6' } : undefined),
    columnStyles: (i) => (i === 0 ? { width: block.labelWidth ?? 120, backgroundColor: '#f9fafb' } : { width: '*' }),
    data,
  });
  doc.x = left(doc);
  doc.moveDown(0.5).fontSize(BODY_SIZE);
}

function grid(doc: Doc, block: GridBlock): void {
  doc.moveDown(0.2).fontSize(10).fillColor(INK);
  const data = [block.columns.map((c) => c.header), ...block.rows, ...(block.footer ? [block.footer] : [])];
  const last = data.length - 1;
  doc.table({
    position: { x: left(doc) },
    maxWidth: contentWidth(doc),
    defaultStyle: { border: 0.5, borderColor: '#9ca3af', padding: [3, 4] },
    rowStyles: (i) => (i === 0 || (block.footer && i === last) ? { backgroundColor: '#f3f4f6' } : undefined),
    columnStyles: (i) => {
      const column = block.columns[i];
      return { width: column?.width ?? '*', align: { x: column?.align ?? 'left', y: 'center' } };
    },
    data: data.map((row) => row.map((cell) => cell || '—')),
  });
  doc.x = left(doc);
  doc.moveDown(0.5).fontSize(BODY_SIZE);
}

/** Starts a new page when fewer than `points` are left above the bottom margin. */
function keepSpace(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/**
 * 落款 and 成文日期 at the right, the seal centred over them (上不压正文，下要骑年盖月), closing notes beside them.
 */
function signatureAndSeal(doc: Doc, spec: OfficialDocumentSpec): void {
  if (!spec.date && !spec.seal) return;
  const signature = spec.signature ?? spec.seal?.department ?? spec.issuingBody;
  const date = spec.date ? chineseDate(spec.date) : '';
  doc.fontSize(BODY_SIZE).fillColor(INK).moveDown(0.4);
  // Signature and date are two lines; the seal, centred between them, reaches half its height above and below.
  const lines = 2.3 * doc.currentLineHeight(true);
  const lift = spec.seal ? Math.max(0, SEAL_RADIUS - lines / 2) : 0;
  keepSpace(doc, spec.seal ? lift + lines / 2 + SEAL_RADIUS + 14 : lines);
  const blockWidth = Math.max(doc.widthOfString(signature), doc.widthOfString(date), 2 * SEAL_RADIUS) + 8;
  const x = left(doc) + contentWidth(doc) - blockWidth - 2 * BODY_SIZE;
  const top = doc.y + lift;
  doc.text(signature, x, top, { width: blockWidth, align: 'center' });
  doc.moveDown(0.3).text(date, x, doc.y, { width: blockWidth, align: 'center' });
  const bottom = doc.y;
  if (spec.seal) {
    const centreY = (top + bottom) / 2;
    drawSeal(doc, x + blockWidth / 2, centreY, SEAL_RADIUS, spec.seal.department, spec.seal.label ?? '行政审批专用章');
    const caption = spec.seal.sealId ? `电子印章 ${spec.seal.sealId}（印章图样，以电子印章记录为准）` : '电子印章图样';
    doc.fontSize(7.5).fillColor(MUTED);
    const captionWidth = doc.widthOfString(caption) + 2;
    doc.text(caption, x + blockWidth / 2 - captionWidth / 2, centreY + SEAL_RADIUS + 4, {
      width: captionWidth,
      lineBreak: false,
    });
    doc.y = Math.max(bottom, centreY + SEAL_RADIUS + 16);
  }
  const end = doc.y;
  doc.fillColor(INK).x = left(doc);
  if (spec.closingNotes?.length) {
    // Beside the signature, at the left: the space under the body is otherwise empty.
    doc.fontSize(10).fillColor(MUTED);
    doc.y = top;
    for (const line of spec.closingNotes) doc.text(line, left(doc), doc.y, { width: x - left(doc) - 12 });
    doc.fillColor(INK);
  }
  doc.y = Math.max(doc.y, end);
}
