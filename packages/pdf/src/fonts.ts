import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1, from @expo-google-fonts/noto-sans-sc, a static TrueType build
 * of Google Fonts' Noto Sans SC). pdfkit embeds only the glyphs a document uses (a subset, with a ToUnicode map so
 * the text can be searched and copied), so a document stays a few tens of KB although the font is 10 MB.
 * The font is parsed once and the parsed font handed to pdfkit: given the file's bytes, pdfkit's tables re-parse
 * the 10 MB font for every cell (seconds per document).
 */
export const MAIN_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
/**
 * Fallback for characters Noto Sans SC lacks: rare ideographs of CJK Extensions B–F (U+20000–U+2EBEF), found in
 * personal and place names. HanaMinB of the Hanazono fonts (GlyphWiki project; Hanazono Font License or SIL OFL
 * 1.1), from Debian's package fonts-hanazono, which deploy/stack/provision.sh and the image install. Like the main
 * font, only the glyphs a document uses are embedded. ADR 0013.
 */
export const FALLBACK_FONT_FILE = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf';

/** The names the fonts are registered under in every document (and that name the embedded subsets). */
export const MAIN_FONT = 'NotoSansSC';
export const FALLBACK_FONT = 'HanaMinB';

export interface TextRun {
  font: typeof MAIN_FONT | typeof FALLBACK_FONT;
  text: string;
}

/** Both fonts, parsed once; share one instance per process (parsing the main font takes a noticeable moment). */
export interface PdfFonts {
  readonly main: fontkit.Font;
  /** The fallback with the main font's vertical metrics. */
  readonly fallback: fontkit.Font;
  /** The text cut into runs of one font each: the main font, or the fallback for what only the fallback has. */
  runs(text: string): TextRun[];
}

export interface FontFiles {
  main?: string;
  fallback?: string;
}

/**
 * Reads and parses the fonts. Call it once at start: a missing font should stop a service at boot rather than
 * fail every document.
 */
export function loadFonts(files: FontFiles = {}): PdfFonts {
  const main = openFont(files.main ?? MAIN_FONT_FILE);
  const fallback = withMetricsOf(
    main,
    openFont(files.fallback ?? FALLBACK_FONT_FILE, 'install the Debian package fonts-hanazono'),
  );
  return {
    main,
    fallback,
    runs(text: string): TextRun[] {
      const runs: TextRun[] = [];
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        const font = !main.hasGlyphForCodePoint(cp) && fallback.hasGlyphForCodePoint(cp) ? FALLBACK_FONT : MAIN_FONT;
        const last = runs[runs.length - 1];
        if (last?.font === font) last.text += ch;
        else runs.push({ font, text: ch });
      }
      return runs;
    },
  };
}

let shared: PdfFonts | undefined;

/** The default fonts, loaded on first use and kept for the life of the process. */
export function defaultFonts(): PdfFonts {
  shared ??= loadFonts();
  return shared;
}

function openFont(file: string, hint = ''): fontkit.Font {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`PDF font ${file} cannot be read${hint ? ` (${hint})` : ''}: ${String(e)}`);
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
