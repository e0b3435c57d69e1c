import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

/**
 * The embedded TrueType subset of the font whose BaseFont ends in `+name` (e.g. `HanaMinB`), parsed with fontkit:
 * lets a test check that rare characters were written with real glyphs, not the .notdef box.
 */
export function embeddedFont(pdf: Buffer, name: string): fontkit.Font {
  const raw = pdf.toString('latin1');
  const descriptor = new RegExp(`/FontName /[A-Z]{6}\\+${name}[\\s\\S]*?/FontFile2 (\\d+) 0 R`).exec(raw);
  if (!descriptor) throw new Error(`no embedded ${name}`);
  const object = raw.indexOf(`\n${descriptor[1]} 0 obj`);
  const start = raw.indexOf('stream\n', object) + 'stream\n'.length;
  const end = raw.indexOf('\nendstream', start);
  const font = fontkit.create(inflateSync(pdf.subarray(start, end)));
  if (!('getGlyph' in font)) throw new Error('a font collection');
  return font;
}
