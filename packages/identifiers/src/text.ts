/**
 * Human-entered names and texts (a person's or company's name, an item's name, a window's location, a material's
 * notes, a file name …): one rule for every service, free of I/O. See docs/adr/0013-safe-text.md.
 *
 * - The text is normalised to Unicode NFC first (a decomposed "é" or a CJK compatibility ideograph becomes the
 *   character people mean), so two texts that look the same are stored the same.
 * - Control characters are refused: C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), the line and paragraph separators
 *   (U+2028, U+2029), unpaired surrogates and non-characters. A multi-line text allows the line feed; a CR LF or a
 *   lone CR is turned into a line feed. Tabs are refused everywhere (the guide PDF has no glyph for them).
 * - Bidirectional formatting characters are refused (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 *   isolates, U+200E/U+200F marks, U+061C Arabic letter mark): they make the text shown differ from the text stored
 *   ("Trojan source"), and Chinese administrative text never needs them.
 * - Zero-width and other invisible characters with no use in these texts are refused anywhere in the text
 *   (U+200B, U+2060–U+2064, U+FEFF, U+180E, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0): they let two
 *   names that look identical differ. Joiners and variation selectors (U+200C, U+200D, U+FE00–U+FE0F, the
 *   ideographic variation selectors U+E0100–U+E01EF) stay allowed inside visible text.
 * - A text that is empty after removing white space (U+3000 ideographic space included) and default-ignorable
 *   characters is blank: refused when the field is required, and when it is optional but not empty.
 * - Leading and trailing white space is removed; lengths are counted in code points (what a person counts as
 *   characters, 𠀀 U+20000 is one), after normalisation and trimming.
 */

export type TextViolationReason =
  'REQUIRED' | 'BLANK' | 'LENGTH' | 'CONTROL_CHARACTER' | 'BIDI_CONTROL' | 'INVISIBLE_CHARACTER';

export interface TextViolation {
  reason: TextViolationReason;
  /** What is wrong and how to fix it, in Simplified Chinese, naming the field by its label. */
  message: string;
}

export interface TextRule {
  /** The field's name for people, e.g. "姓名", "事项名称". */
  label: string;
  /** Fewest characters (code points) after trimming; 0 (the default) makes the field optional. */
  min?: number;
  /** Most characters (code points) after trimming. */
  max: number;
  /** A multi-line text (notes, answers, legal text): line feeds allowed. Default false. */
  multiline?: boolean;
}

export type TextResult = { ok: true; value: string } | { ok: false; violation: TextViolation };

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const INVISIBLE = new Set([
  0x115f, 0x1160, 0x180e, 0x200b, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x3164, 0xfeff, 0xffa0,
]);
/** What is left of a blank text once these are removed: nothing. */
const BLANK_CHARACTERS = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

function isControl(cp: number, multiline: boolean): boolean {
  if (cp === 0x0a) return !multiline;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return true;
  if (cp === 0x2028 || cp === 0x2029) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // an unpaired surrogate (a pair is iterated as one code point)
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe; // non-characters
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function fail(reason: TextViolationReason, message: string): TextResult {
  return { ok: false, violation: { reason, message } };
}

/** The first character the rule refuses, as a violation; undefined when every character is allowed. */
function refusedCharacter(text: string, label: string, multiline: boolean): TextViolation | undefined {
  let position = 0;
  for (const ch of text) {
    position += 1;
    const cp = ch.codePointAt(0) ?? 0;
    if (isControl(cp, multiline)) {
      const allowed = multiline ? '（换行除外）' : '（包括换行符和制表符）';
      return {
        reason: 'CONTROL_CHARACTER',
        message: `${label}不能包含控制字符${allowed}，第${position}个字符是 ${hex(cp)}，请删除后重新输入`,
      };
    }
    if (BIDI.has(cp)) {
      return {
        reason: 'BIDI_CONTROL',
        message: `${label}不能包含文字方向控制字符，第${position}个字符是 ${hex(cp)}，它会使显示的文字与实际内容不一致，请删除后重新输入`,
      };
    }
    if (INVISIBLE.has(cp)) {
      return {
        reason: 'INVISIBLE_CHARACTER',
        message: `${label}不能包含零宽空格等不可见字符，第${position}个字符是 ${hex(cp)}，请删除后重新输入`,
      };
    }
  }
  return undefined;
}

/** Code points of a string (what a person counts as characters). */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * Checks a human-entered text against `rule` and returns it normalised (NFC, line breaks as LF, trimmed), or the
 * first problem with a Chinese message. A refused character is reported with its position and code point.
 */
export function checkText(input: string, rule: TextRule): TextResult {
  const { label, min = 0, max, multiline = false } = rule;
  let text = input.normalize('NFC');
  if (multiline) text = text.replace(/\r\n?/g, '\n');
  const refused = refusedCharacter(text, label, multiline);
  if (refused) return { ok: false, violation: refused };
  if (text.replace(BLANK_CHARACTERS, '') === '') {
    if (text.trim() === '' && min === 0) return { ok: true, value: '' };
    return text.trim() === ''
      ? fail('REQUIRED', `请填写${label}`)
      : fail('BLANK', `${label}不能只包含空格或不可见字符，请填写实际内容`);
  }
  const value = text.trim();
  const length = characterCount(value);
  if (length < min || length > max) {
    const range = min > 0 ? `应为${min}至${max}个字符` : `不能超过${max}个字符`;
    return fail('LENGTH', `${label}${range}，当前为${length}个`);
  }
  return { ok: true, value };
}

/** The text as checkText stores it (NFC, LF line breaks, trimmed), without checking it. */
export function normalizeText(input: string, multiline = false): string {
  const text = input.normalize('NFC');
  return (multiline ? text.replace(/\r\n?/g, '\n') : text).trim();
}

/** checkText's problem as a list of violations at `path` (empty when the text passes), for a ValidationError. */
export function textViolations(
  path: string,
  input: string,
  rule: TextRule,
): { path: string; reason: TextViolationReason; message: string }[] {
  const result = checkText(input, rule);
  return result.ok ? [] : [{ path, ...result.violation }];
}
