/** Exact rational numbers on bigint (numerator / positive denominator, reduced), for the fee formulas. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (a: bigint) => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = rational(0n);

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
/** a / b; the caller checks b ≠ 0. */
export const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);
export const neg = (a: Rational) => rational(-a.n, a.d);
/** −1, 0 or 1 as a <, =, > b. */
export const compare = (a: Rational, b: Rational) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const isZero = (a: Rational) => a.n === 0n;

export interface DecimalLimits {
  /** Most digits before the decimal point (after applying an exponent). */
  integerDigits: number;
  /** Most digits after the decimal point (after applying an exponent). */
  fractionDigits: number;
  /** Whether a leading "-" and an exponent (JSON number syntax) are accepted. */
  signAndExponent: boolean;
}

const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const JSON_NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Decimal text → exact rational, or undefined when the text is not a decimal or exceeds the limits. Plain form:
 * "123", "0.015"; with signAndExponent, JSON's number syntax too ("-1.5", "1e5", "2.5E-3").
 */
export function parseDecimal(text: string, limits: DecimalLimits): Rational | undefined {
  let sign = '';
  let whole: string;
  let fraction: string;
  let exponent = 0;
  if (limits.signAndExponent) {
    const m = JSON_NUMBER.exec(text);
    if (!m) return undefined;
    sign = m[1]!;
    whole = m[2]!;
    fraction = m[3] ?? '';
    if (m[4] !== undefined) {
      if (m[4].replace(/^[+-]/, '').length > 3) return undefined;
      exponent = Number(m[4]);
    }
  } else {
    const m = PLAIN.exec(text);
    if (!m) return undefined;
    whole = m[1]!;
    fraction = m[2] ?? '';
  }
  // digits × 10^(exponent − fraction.length), then count the digits on either side of the point.
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  const scale = exponent - fraction.length;
  const significant = digits.replace(/0+$/, '');
  const fractionDigits = Math.max(0, -(scale + (digits.length - significant.length)));
  const integerDigits = digits === '0' ? 0 : Math.max(0, digits.length + scale);
  if (fractionDigits > limits.fractionDigits || integerDigits > limits.integerDigits) return undefined;
  const n = BigInt(sign + digits);
  return scale >= 0 ? rational(n * 10n ** BigInt(scale)) : rational(n, 10n ** BigInt(-scale));
}

/**
 * A non-negative amount in yuan rounded to whole fen, half up (四舍五入): 1.005 → 101, 12345.6789 → 1234568.
 * The caller refuses negative amounts first.
 */
export function yuanToFenHalfUp(yuan: Rational): bigint {
  if (yuan.n < 0n) throw new RangeError('negative amount');
  return (yuan.n * 200n + yuan.d) / (2n * yuan.d);
}
