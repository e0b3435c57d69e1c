/// <reference types="pdfkit" preserve="true" />
import PDFDocument from 'pdfkit';
import { FALLBACK_FONT, MAIN_FONT, type PdfFonts, type TextRun } from './fonts';

export type Doc = PDFKit.PDFDocument;

export interface PdfOptions {
  /** Document metadata. `creationDate` is required: with it fixed, the same input gives the same bytes. */
  title: string;
  subject?: string;
  author?: string;
  keywords?: string;
  creationDate: Date;
  /** Points; 56 (about 2 cm) on every side by default. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /**
   * The lines written at the foot of every page once the document is laid out, e.g. a page number; given the
   * page's number (from 1) and the number of pages.
   */
  footer?: (page: number, pages: number) => string[];
}

export const INK = '#1f2937';
export const MUTED = '#6b7280';

/**
 * An A4 PDF in Chinese: the fonts registered (the main font current), every `doc.text` written run by run in the
 * font that has its glyphs, `draw` laying out the content, then the footer on every page. Resolves to the bytes.
 */
export function renderPdf(fonts: PdfFonts, options: PdfOptions, draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: options.margins ?? { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: options.title,
      ...(options.subject ? { Subject: options.subject } : {}),
      ...(options.author ? { Author: options.author } : {}),
      ...(options.keywords ? { Keywords: options.keywords } : {}),
      Creator: 'GovHall',
      CreationDate: options.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    // pdfkit accepts a parsed fontkit font where its types only list file sources.
    doc.registerFont(MAIN_FONT, fonts.main as unknown as Buffer);
    doc.registerFont(FALLBACK_FONT, fonts.fallback as unknown as Buffer);
    switchFontsPerRun(doc, (text) => fonts.runs(text));
    doc.font(MAIN_FONT).fillColor(INK);
    draw(doc);
    if (options.footer) writeFooters(doc, options.footer);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  } finally {
    doc.end();
  }
  return done;
}

/** 第 x 页 / 共 y 页, the text pdfkit documents number their pages with. */
export function pageNumber(page: number, pages: number): string {
  return `第 ${page} 页 / 共 ${pages} 页`;
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
    if (runs.length < 2 && runs[0]?.font !== FALLBACK_FONT) return write(text as string, x, y, options);
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
    return doc.font(MAIN_FONT);
  };
  doc.text = patched as Doc['text'];
}

function writeFooters(doc: Doc, footer: (page: number, pages: number) => string[]): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const lines = footer(i - range.start + 1, range.count);
    lines.forEach((line, n) => {
      doc
        .fontSize(8)
        .fillColor(MUTED)
        .text(line, doc.page.margins.left, doc.page.height - 46 - (lines.length - 1 - n) * 11, {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'center',
          lineBreak: false,
        });
    });
    doc.page.margins.bottom = bottom;
  }
}
