import { mkdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { PNG } from 'pngjs';

/** The text of a PDF (pdf.js, as a reader extracts it) and its page count. */
export async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/** pdf.js may split a line into runs or add spaces between them: compare without whitespace. */
export const compact = (text: string) => text.replace(/\s+/g, '');

/** The first page rasterised (pdf.js) and searched for a QR code (jsQR): its decoded text, or undefined. */
export async function qrCodeOnFirstPage(pdf: Buffer): Promise<string | undefined> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const shot = await parser.getScreenshot({ partial: [1], scale: 2, imageBuffer: true, imageDataUrl: false });
    const png = PNG.sync.read(Buffer.from(shot.pages[0]!.data));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  } finally {
    await parser.destroy();
  }
}

/** Keeps a rendered sample to look at (pdftoppm -png -r 80 … turns a page into an image). */
export function keepSample(name: string, pdf: Buffer): void {
  const dir = process.env.PDF_SAMPLES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.pdf`, pdf);
}
