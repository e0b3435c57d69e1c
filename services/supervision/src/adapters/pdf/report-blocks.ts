import { type Doc, INK, MUTED } from '@govhall/pdf';

/** The page margins of supervision's A4 reports (the monthly bulletin, the daily check). */
export const MARGINS = { top: 52, bottom: 72, left: 48, right: 48 };

export const RED = '#b91c1c';
const HEADER_FILL = '#f3f4f6';

/** The red title, the line under it and the rule, as a government report starts. */
export function reportTitle(doc: Doc, title: string, subtitle: string): void {
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  doc.fontSize(22).fillColor(RED).text(title, MARGINS.left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3).fontSize(12).fillColor(INK);
  doc.text(subtitle, { width, align: 'center' });
  const y = doc.y + 6;
  doc
    .moveTo(MARGINS.left, y)
    .lineTo(MARGINS.left + width, y)
    .lineWidth(1.2)
    .strokeColor(RED)
    .stroke();
  doc.y = y + 10;
}

export function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - MARGINS.bottom - 80) doc.addPage();
  doc.moveDown(0.6).fontSize(13).fillColor(INK).text(text, MARGINS.left, doc.y);
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, text: string): void {
  doc.fontSize(10.5).fillColor(INK).text(text, MARGINS.left, doc.y, { lineGap: 3 });
}

export function note(doc: Doc, text: string): void {
  doc.moveDown(0.4).fontSize(9).fillColor(MUTED).text(text, MARGINS.left, doc.y, { lineGap: 2 });
  doc.fillColor(INK);
}

/** A bordered table with a shaded header row; `widths` in points, '*' for the rest. */
export function table(doc: Doc, widths: (number | string)[], header: string[], rows: string[][]): void {
  doc.fontSize(8.5).fillColor(INK);
  doc.table({
    position: { x: MARGINS.left },
    columnStyles: widths,
    defaultStyle: { border: 0.5, borderColor: '#9ca3af', padding: [3, 3] },
    rowStyles: (i) => (i === 0 ? { backgroundColor: HEADER_FILL } : undefined),
    data: [header, ...rows],
  });
  doc.x = MARGINS.left;
}
