import { FALLBACK_FONT, loadFonts, MAIN_FONT } from './fonts';

describe('loadFonts', () => {
  // 𠀀 U+20000 and 𪚥 U+2A6A5 (Extension B) are not in Noto Sans SC; 𰻞 U+30EDE (Extension G, biáng) is.
  const fonts = loadFonts();

  it('cuts a text into runs of the font that has each glyph', () => {
    expect(fonts.runs('申请人\u{20000}\u{2A6A5}\u{30EDE}面馆')).toEqual([
      { font: MAIN_FONT, text: '申请人' },
      { font: FALLBACK_FONT, text: '\u{20000}\u{2A6A5}' },
      { font: MAIN_FONT, text: '\u{30EDE}面馆' },
    ]);
    // A character neither font has stays with the main font (one run, no switch).
    expect(fonts.runs('食品\u{323AF}')).toEqual([{ font: MAIN_FONT, text: '食品\u{323AF}' }]);
  });

  it('gives the fallback the main font’s line height, so mixed lines keep their baseline', () => {
    const lineHeight = (f: typeof fonts.main) => (f.ascent - f.descent + f.lineGap) / f.unitsPerEm;
    expect(lineHeight(fonts.fallback)).toBeCloseTo(lineHeight(fonts.main), 10);
  });

  it('says which font is missing and how to install the fallback', () => {
    expect(() => loadFonts({ fallback: '/nonexistent/HanaMinB.ttf' })).toThrow(
      /\/nonexistent\/HanaMinB\.ttf cannot be read \(install the Debian package fonts-hanazono\)/,
    );
  });
});
