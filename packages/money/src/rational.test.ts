import { add, compare, div, mul, neg, parseDecimal, rational, sub, yuanToFenHalfUp } from './rational';

const plain = { integerDigits: 15, fractionDigits: 6, signAndExponent: false };
const json = { integerDigits: 18, fractionDigits: 12, signAndExponent: true };
const text = (r: { n: bigint; d: bigint } | undefined) => (r ? `${r.n}/${r.d}` : undefined);

describe('rationals', () => {
  it('keeps fractions reduced with a positive denominator', () => {
    expect(text(rational(10n, -4n))).toBe('-5/2');
    expect(text(rational(0n, 7n))).toBe('0/1');
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });

  it('computes exactly', () => {
    const tenth = rational(1n, 10n);
    const fifth = rational(1n, 5n);
    expect(text(add(tenth, fifth))).toBe('3/10');
    expect(text(sub(tenth, fifth))).toBe('-1/10');
    expect(text(mul(rational(1999n, 100n), rational(3n)))).toBe('5997/100');
    expect(text(div(rational(10n), rational(3n)))).toBe('10/3');
    expect(text(neg(tenth))).toBe('-1/10');
    expect(compare(add(tenth, fifth), rational(3n, 10n))).toBe(0);
    expect(compare(tenth, fifth)).toBe(-1);
    expect(compare(fifth, tenth)).toBe(1);
  });

  it.each([
    ['0', '0/1'],
    ['80', '80/1'],
    ['0.015', '3/200'],
    ['1234567.89', '123456789/100'],
    ['007.50', '15/2'],
    ['0.0150000000', '3/200'], // trailing zeros are not precision
    ['123456789012345.123456', '1929012328317892554/15625'], // 123456789012345123456/1000000 reduced by 64
  ])('parses the plain decimal %s exactly', (input, expected) => {
    expect(text(parseDecimal(input, plain))).toBe(expected);
  });

  it.each(['1e5', '-1', '.5', '5.', '1 ', '', '1,0', '0x1', '1234567890123456', '0.1234567'])(
    'refuses %j as a plain decimal',
    (input) => {
      expect(parseDecimal(input, plain)).toBeUndefined();
    },
  );

  it.each([
    ['-1.5', '-3/2'],
    ['1e2', '100/1'],
    ['2.5E-3', '1/400'],
    ['1.5e+1', '15/1'],
    ['-0', '0/1'],
    ['123456789012345678', '123456789012345678/1'],
    ['1e-12', '1/1000000000000'],
    ['0.5e18', '500000000000000000/1'],
  ])('parses the JSON number %s exactly', (input, expected) => {
    expect(text(parseDecimal(input, json))).toBe(expected);
  });

  it.each(['1e999', '1e-13', '1e18', '1234567890123456789', '+1', '1e', '--1', '1e1000'])(
    'refuses %j as a JSON number within the value limits',
    (input) => {
      expect(parseDecimal(input, json)).toBeUndefined();
    },
  );

  it('rounds yuan to fen once, half up', () => {
    expect(yuanToFenHalfUp(rational(1005n, 1000n))).toBe(101n);
    expect(yuanToFenHalfUp(rational(4n, 1000n))).toBe(0n);
    expect(yuanToFenHalfUp(rational(5n, 1000n))).toBe(1n);
    expect(yuanToFenHalfUp(rational(123456789n, 10000n))).toBe(1234568n);
    expect(yuanToFenHalfUp(rational(10n, 3n))).toBe(333n);
    expect(() => yuanToFenHalfUp(rational(-1n, 1000n))).toThrow(RangeError);
  });
});
