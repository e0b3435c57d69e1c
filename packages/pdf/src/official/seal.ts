import type { Doc } from '../document';

export const SEAL_RED = '#d7261e';

/**
 * A round official seal as a drawing: red ring, the department's name around the upper arc, a five-pointed star
 * and the seal's purpose (e.g. 行政审批专用章) under it. It shows which e-seal record applies; it signs nothing.
 * Slightly transparent, so the signature and date under it stay readable.
 */
export function drawSeal(doc: Doc, cx: number, cy: number, r: number, department: string, label: string): void {
  const x0 = doc.x;
  const y0 = doc.y;
  doc.save();
  doc.fillOpacity(0.88).strokeOpacity(0.88).fillColor(SEAL_RED).strokeColor(SEAL_RED);
  doc
    .lineWidth(r * 0.06)
    .circle(cx, cy, r - r * 0.03)
    .stroke();
  star(doc, cx, cy, r * 0.26);

  // The name around the top: upright letters facing outward, spread over up to 250° (less for short names).
  const chars = [...department];
  const size = Math.min(r * 0.26, (2 * Math.PI * r * 0.68 * (250 / 360)) / Math.max(chars.length, 1) / 1.05);
  const radius = r * 0.9 - size * 0.55;
  const span = Math.min(250, ((chars.length * size * 1.08) / (2 * Math.PI * radius)) * 360);
  const step = chars.length > 1 ? span / (chars.length - 1) : 0;
  doc.fontSize(size);
  chars.forEach((ch, i) => {
    const angle = -90 - span / 2 + i * step; // degrees, 0 to the right, clockwise (y grows downward)
    const rad = (angle * Math.PI) / 180;
    const px = cx + radius * Math.cos(rad);
    const py = cy + radius * Math.sin(rad);
    doc.save();
    doc.rotate(angle + 90, { origin: [px, py] });
    centredGlyph(doc, ch, px, py, size);
    doc.restore();
  });

  const labelSize = Math.min(r * 0.17, (r * 1.3) / Math.max([...label].length, 1));
  doc.fontSize(labelSize);
  const width = doc.widthOfString(label);
  doc.text(label, cx - width / 2, cy + r * 0.5 - labelSize * 0.78, { lineBreak: false, width: width + 1 });
  doc.restore();
  doc.x = x0;
  doc.y = y0;
}

/** A glyph whose em box is centred on (x, y): Noto Sans SC's ideographs sit 0.78 em below the line's top. */
function centredGlyph(doc: Doc, ch: string, x: number, y: number, size: number): void {
  const width = doc.widthOfString(ch);
  doc.text(ch, x - width / 2, y - size * 0.78, { lineBreak: false, width: width + 1 });
}

function star(doc: Doc, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const rad = ((-90 + i * 36) * Math.PI) / 180;
    const r = i % 2 === 0 ? outer : inner;
    points.push([cx + r * Math.cos(rad), cy + r * Math.sin(rad)]);
  }
  doc.polygon(...points).fill();
}
