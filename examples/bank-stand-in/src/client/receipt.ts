import { randomInt } from 'node:crypto';

/**
 * The 财政电子票据 (fiscal e-receipt) identifiers the stand-in issues, as the non-tax platform would. The protocol
 * only fixes their lengths (code 8 digits, number 10 digits); the layout below is the stand-in's own reading of
 * the fiscal e-receipt data rules, for a realistic look:
 * - 票据代码: region (2 digits, the province) + receipt class (2) + receipt kind (2) + year (2), e.g. 11010126;
 * - 票据号码: a 10-digit sequence within that code.
 */
export interface ReceiptCodeParts {
  /** The province's 2-digit administrative division prefix, e.g. "11". */
  region: string;
  /** Receipt class, default "01" (非税收入类). */
  receiptClass?: string;
  /** Receipt kind, default "01" (非税收入通用票据). */
  receiptKind?: string;
  year: number;
}

export function receiptCode(parts: ReceiptCodeParts): string {
  const code = `${parts.region}${parts.receiptClass ?? '01'}${parts.receiptKind ?? '01'}${String(parts.year % 100).padStart(2, '0')}`;
  if (!/^\d{8}$/.test(code)) throw new RangeError('the receipt code must come out as 8 digits');
  return code;
}

/** The `sequence`-th receipt number of a code: 10 digits, zero-padded; 1 ≤ sequence ≤ 9 999 999 999. */
export function receiptNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1 || sequence > 9_999_999_999) {
    throw new RangeError('the receipt sequence must be an integer from 1 to 9999999999');
  }
  return String(sequence).padStart(10, '0');
}

/** A bank transaction id: `SI` + yyyymmddHHMMSS (UTC) + 6 random digits (22 characters of A-Za-z0-9). */
export function newBankTxnId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `SI${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
