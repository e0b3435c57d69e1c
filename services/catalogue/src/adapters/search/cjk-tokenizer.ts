/**
 * Tokenizer for Chinese item texts and item codes. Chinese has no spaces, so a Han run is indexed as its single
 * characters and its overlapping pairs (bigrams): a 2-character query such as 食品 is one index term, and a longer
 * query becomes the bigrams it contains, all of which a matching text must hold. Latin letters and digits (item
 * codes, 《GB 31621》 …) stay whole tokens, so a 12-character basic code or a 31-character implementation code is
 * one term that exact and prefix search can find.
 */

const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{Letter}\p{Number}])+/gu;
const HAN = /^\p{Script=Han}/u;

/** Full-width forms to half-width (ＳＣＪＧ０１ → SCJG01), Latin to lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runs(text: string): { han: boolean; text: string }[] {
  return [...normalizeText(text).matchAll(RUN)].map((m) => ({ han: HAN.test(m[0]), text: m[0] }));
}

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Terms of an indexed text: every Han character and bigram, every Latin/digit run whole. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) {
    if (!run.han) {
      out.push(run.text);
      continue;
    }
    const chars = [...run.text];
    out.push(...chars, ...bigrams(chars));
  }
  return out;
}

/** Terms of a query: the bigrams of each Han run (the character itself when alone), Latin/digit runs whole. */
export function queryTokens(text: string): string[] {
  const out = new Set<string>();
  for (const run of runs(text)) {
    if (!run.han) {
      out.add(run.text);
      continue;
    }
    const chars = [...run.text];
    for (const term of chars.length === 1 ? chars : bigrams(chars)) out.add(term);
  }
  return [...out];
}

/** A Latin/digit term long enough to be worth a prefix search (the start of an item code). */
export function isCodeTerm(term: string): boolean {
  return /^[0-9a-z]{4,}$/.test(term);
}
