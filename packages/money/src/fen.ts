/**
 * Amounts are integer fen (分) in a JS number, never yuan in a float. A fen amount is a safe, non-negative integer:
 * 0 ≤ fen ≤ Number.MAX_SAFE_INTEGER (2^53 − 1), so proto int64 → number never loses a fen without being noticed.
 */

export type MoneyReason = 'NOT_AN_AMOUNT' | 'NEGATIVE' | 'TOO_MANY_DECIMALS' | 'OUT_OF_RANGE';

/** An amount or amount text that is not acceptable. `message` is for people (Simplified Chinese). */
export class MoneyError extends RangeError {
  constructor(
    readonly reason: MoneyReason,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** The largest fen amount: Number.MAX_SAFE_INTEGER (90,071,992,547,409.91 元). */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;
const MAX_FEN_BIG = BigInt(MAX_FEN);

/** True when `value` is a fen amount: a safe integer ≥ 0. */
export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Throws MoneyError unless `value` is a fen amount (a safe integer ≥ 0). `label` names it in the message. */
export function assertFen(value: unknown, label = '金额'): asserts value is number {
  if (isFen(value)) return;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new MoneyError('NOT_AN_AMOUNT', `${label}必须是以分为单位的整数`);
  }
  if (value < 0) throw new MoneyError('NEGATIVE', `${label}不能为负数`);
  if (!Number.isInteger(value)) throw new MoneyError('NOT_AN_AMOUNT', `${label}必须是以分为单位的整数`);
  throw new MoneyError('OUT_OF_RANGE', `${label}超出可处理的范围`);
}

/** The fen amount as a bigint, checked (number: assertFen; bigint: 0 ≤ fen ≤ MAX_FEN). */
export function fenBigInt(fen: number | bigint, label = '金额'): bigint {
  if (typeof fen === 'bigint') {
    if (fen < 0n) throw new MoneyError('NEGATIVE', `${label}不能为负数`);
    if (fen > MAX_FEN_BIG) throw new MoneyError('OUT_OF_RANGE', `${label}超出可处理的范围`);
    return fen;
  }
  assertFen(fen, label);
  return BigInt(fen);
}

/** 12345 → "123.45", 5 → "0.05", 0 → "0.00": exact, in bigint, never fen / 100. */
export function yuanText(fen: number | bigint): string {
  const f = fenBigInt(fen);
  return `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`;
}

/** 123456 → "1,234.56元": yuanText with thousands separators and the unit 元 after the figure. */
export function formatYuan(fen: number | bigint): string {
  const [yuan, cents] = yuanText(fen).split('.') as [string, string];
  return `${yuan.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}元`;
}

const YUAN_TEXT = /^(\d+)(?:\.(\d+))?$/;

/**
 * "123.45" → 12345, "7" → 700, "0.5" → 50: exact, no float on the way. Refuses (MoneyError): a sign, an exponent,
 * separators, blanks or anything but digits with an optional decimal point followed by digits (NOT_AN_AMOUNT, or
 * NEGATIVE for a leading "-"), more than two decimals (TOO_MANY_DECIMALS), more than MAX_FEN fen (OUT_OF_RANGE).
 */
export function parseYuan(text: string, label = '金额'): number {
  if (typeof text !== 'string') throw new MoneyError('NOT_AN_AMOUNT', `${label}必须是数字文本，如 123.45`);
  const m = YUAN_TEXT.exec(text);
  if (!m) {
    if (/^-\s*\d/.test(text)) throw new MoneyError('NEGATIVE', `${label}不能为负数`);
    throw new MoneyError('NOT_AN_AMOUNT', `${label}必须是以元为单位的数字，如 123.45`);
  }
  const decimals = m[2] ?? '';
  if (decimals.length > 2) throw new MoneyError('TOO_MANY_DECIMALS', `${label}最多精确到分（两位小数）`);
  const fen = BigInt(m[1]!) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN_BIG) throw new MoneyError('OUT_OF_RANGE', `${label}超出可处理的范围`);
  return Number(fen);
}

/** The sum of fen amounts, each checked (assertFen) and the total kept within MAX_FEN (OUT_OF_RANGE otherwise). */
export function sumFen(...amounts: readonly number[]): number {
  let total = 0n;
  amounts.forEach((fen, i) => {
    assertFen(fen, `第${i + 1}项金额`);
    total += BigInt(fen);
  });
  if (total > MAX_FEN_BIG) throw new MoneyError('OUT_OF_RANGE', '合计金额超出可处理的范围');
  return Number(total);
}

/** fen × count for a whole count ≥ 0 (e.g. a unit fee times a quantity), checked like sumFen. */
export function multiplyFen(fen: number, count: number): number {
  assertFen(fen);
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new MoneyError('NOT_AN_AMOUNT', '数量必须是不小于0的整数');
  }
  const product = BigInt(fen) * BigInt(count);
  if (product > MAX_FEN_BIG) throw new MoneyError('OUT_OF_RANGE', '金额超出可处理的范围');
  return Number(product);
}
