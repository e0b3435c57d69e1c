/**
 * An amount in fen as people read it in yuan, `123456` → `1234.56`, by integer and string arithmetic only (never
 * fen / 100 in floating point). Takes a safe integer or a bigint; throws RangeError for anything else.
 */
export function yuanOfFen(fen: number | bigint): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const n = BigInt(fen);
  const digits = (n < 0n ? -n : n).toString().padStart(3, '0');
  return `${n < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
