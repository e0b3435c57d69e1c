import QRCode from 'qrcode';
import type { Doc } from '../document';

/**
 * Draws a QR code (error correction M) as vector squares, one rectangle per run of dark modules in a row, with
 * its top-left corner at (x, y) and `size` points wide; the caller leaves the quiet zone (4 modules) around it.
 */
export function drawQrCode(doc: Doc, payload: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  doc.save().fillColor('#000000');
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill();
  doc.restore();
}
